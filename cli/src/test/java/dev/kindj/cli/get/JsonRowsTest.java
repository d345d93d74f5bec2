package dev.kindj.cli.get;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.api.KindjNode;
import dev.kindj.api.NodeRole;
import dev.kindj.cli.shared.OutputFormat;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON that `get clusters -o json` and `get nodes -o json` print: scripts depend on its exact field names. */
class JsonRowsTest {

    @Test
    void clustersAreObjectsWithTheirName() {
        assertThat(json(List.of(new GetClustersCommand.Row("a"), new GetClustersCommand.Row("b"))).replaceAll("\\s", ""))
                .isEqualTo("[{\"name\":\"a\"},{\"name\":\"b\"}]");
    }

    @Test
    void nodesHaveNameRoleIpStateAndImageInThatOrder() {
        KindjNode node = new KindjNode("demo-worker", NodeRole.WORKER, "172.28.0.3", "running", "kindj/node:v1");
        assertThat(json(List.of(new GetNodesCommand.Row(node))).replaceAll("\\s", "")).isEqualTo(
                "[{\"name\":\"demo-worker\",\"role\":\"worker\",\"ip\":\"172.28.0.3\",\"state\":\"running\","
                        + "\"image\":\"kindj/node:v1\"}]");
    }

    @Test
    void noRowsIsAnEmptyArray() {
        assertThat(json(List.of()).strip()).isEqualTo("[ ]");
    }

    private static String json(List<?> rows) {
        StringWriter text = new StringWriter();
        OutputFormat.printJson(new PrintWriter(text, true), rows);
        return text.toString();
    }
}
