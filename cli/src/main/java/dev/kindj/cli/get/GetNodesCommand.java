package dev.kindj.cli.get;

import dev.kindj.InvalidRequestException;
import dev.kindj.api.Kindj;
import dev.kindj.api.KindjNode;
import dev.kindj.cli.ClusterName;
import dev.kindj.cli.ExitCodes;
import dev.kindj.cli.Verbosity;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "nodes", description = "List the node containers of a cluster.")
public final class GetNodesCommand implements Callable<Integer> {

    @Mixin
    private Verbosity verbosity;
    @Mixin
    private ClusterName clusterName;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        List<KindjNode> nodes = Kindj.connect().find(clusterName.get())
                .orElseThrow(() -> new InvalidRequestException("no cluster named '" + clusterName.get()
                        + "' (kindj get clusters lists the existing ones)"))
                .nodes();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-40s %-24s %-16s %s%n", "NAME", "ROLE", "IP", "STATUS");
        nodes.forEach(node -> out.printf("%-40s %-24s %-16s %s%n", node.name(), node.role().label(),
                node.ipAddress(), node.state()));
        return ExitCodes.OK;
    }
}
