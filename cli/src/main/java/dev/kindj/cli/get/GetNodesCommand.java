package dev.kindj.cli.get;

import dev.kindj.InvalidRequestException;
import dev.kindj.api.Kindj;
import dev.kindj.api.KindjNode;
import dev.kindj.cli.shared.ClusterName;
import dev.kindj.cli.shared.ExitCodes;
import dev.kindj.cli.shared.OutputFormat;
import dev.kindj.cli.shared.Verbosity;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "nodes", description = {"List the node containers of a cluster.",
        "With -o json: one object per container, [{\"name\": ..., \"role\": \"control-plane\", \"ip\": ...,"
                + " \"state\": \"running\", \"image\": ...}, ...]."})
public final class GetNodesCommand implements Callable<Integer> {

    /** A node in the JSON output; role as kind names it, state as Docker does. */
    record Row(String name, String role, String ip, String state, String image) {

        Row(KindjNode node) {
            this(node.name(), node.role().label(), node.ipAddress(), node.state(), node.image());
        }
    }

    private static final String TEXT_ROW = "%-40s %-24s %-16s %s%n";

    @Mixin
    private Verbosity verbosity;
    @Mixin
    private ClusterName clusterName;
    @Mixin
    private OutputFormat output;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        List<KindjNode> nodes = Kindj.connect().find(clusterName.get())
                .orElseThrow(() -> new InvalidRequestException("no cluster named '" + clusterName.get()
                        + "' (kindj get clusters lists the existing ones)"))
                .nodes();
        PrintWriter out = spec.commandLine().getOut();
        if (output.isJson()) {
            OutputFormat.printJson(out, nodes.stream().map(Row::new).toList());
        } else {
            out.printf(TEXT_ROW, "NAME", "ROLE", "IP", "STATUS");
            nodes.forEach(node -> out.printf(TEXT_ROW, node.name(), node.role().label(), node.ipAddress(), node.state()));
        }
        return ExitCodes.OK;
    }
}
