package dev.kindj.cli.delete;

import picocli.CommandLine.Command;

@Command(name = "delete", description = "Delete one of [cluster, clusters].",
        subcommands = {DeleteClusterCommand.class, DeleteClustersCommand.class})
public final class DeleteCommand {
}
