package dev.kindj.cli.stop;

import picocli.CommandLine.Command;

@Command(name = "stop", description = "Stop one of [cluster].", subcommands = {StopClusterCommand.class})
public final class StopCommand {
}
