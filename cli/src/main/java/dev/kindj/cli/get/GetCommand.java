package dev.kindj.cli.get;

import picocli.CommandLine.Command;

@Command(name = "get", description = "Get one of [clusters, nodes, kubeconfig, registries].",
        subcommands = {GetClustersCommand.class, GetNodesCommand.class, GetKubeconfigCommand.class, GetRegistriesCommand.class})
public final class GetCommand {
}
