package dev.kindj.cli.create;

import picocli.CommandLine.Command;

@Command(name = "create", description = "Create one of [cluster].", subcommands = {CreateClusterCommand.class})
public final class CreateCommand {
}
