package dev.kindj.cli.build;

import picocli.CommandLine.Command;

@Command(name = "build", description = "Build one of [node-image].", subcommands = {BuildNodeImageCommand.class})
public final class BuildCommand {
}
