package dev.kindj.cli.delete;

import picocli.CommandLine.Command;

@Command(name = "delete", description = "Delete one of [cluster, clusters, node].",
        subcommands = {DeleteClusterCommand.class, DeleteClustersCommand.class, DeleteNodeCommand.class})
public final class DeleteCommand {
}
