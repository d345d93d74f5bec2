package dev.kindj.cli.start;

import picocli.CommandLine.Command;

@Command(name = "start", description = "Start one of [cluster].", subcommands = {StartClusterCommand.class})
public final class StartCommand {
}
