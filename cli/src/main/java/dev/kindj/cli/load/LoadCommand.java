package dev.kindj.cli.load;

import picocli.CommandLine.Command;

@Command(name = "load", description = "Load images into a cluster's nodes: one of [docker-image, image-archive].",
        subcommands = {LoadDockerImageCommand.class, LoadImageArchiveCommand.class})
public final class LoadCommand {
}
