package dev.kindj.cli.create;

import picocli.CommandLine.Command;

@Command(name = "create", description = "Create one of [cluster, node, registry].",
        subcommands = {CreateClusterCommand.class, CreateNodeCommand.class, CreateRegistryCommand.class})
public final class CreateCommand {
}
