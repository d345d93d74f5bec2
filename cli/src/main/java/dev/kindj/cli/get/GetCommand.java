package dev.kindj.cli.get;

import picocli.CommandLine.Command;

@Command(name = "get", description = "Get one of [clusters, nodes, kubeconfig].",
        subcommands = {GetClustersCommand.class, GetNodesCommand.class, GetKubeconfigCommand.class})
public final class GetCommand {
}
