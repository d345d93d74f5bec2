package dev.kindj.cli.delete;

import picocli.CommandLine.Command;

@Command(name = "delete", description = "Delete one of [cluster, clusters, node, registry].",
        subcommands = {DeleteClusterCommand.class, DeleteClustersCommand.class, DeleteNodeCommand.class, DeleteRegistryCommand.class})
public final class DeleteCommand {
}
