package dev.kindj.cli.create;

import picocli.CommandLine.Command;

@Command(name = "create", description = "Create one of [cluster, node].",
        subcommands = {CreateClusterCommand.class, CreateNodeCommand.class})
public final class CreateCommand {
}
