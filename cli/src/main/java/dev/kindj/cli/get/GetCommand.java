package dev.kindj.cli.get;

import picocli.CommandLine.Command;

@Command(name = "get", description = "Get one of [clusters, nodes].",
        subcommands = {GetClustersCommand.class, GetNodesCommand.class})
public final class GetCommand {
}
