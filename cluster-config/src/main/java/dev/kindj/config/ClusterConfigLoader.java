package dev.kindj.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/** Reads kind cluster config files ({@code kind.x-k8s.io/v1alpha4}, {@code kind: Cluster}). */
public final class ClusterConfigLoader {
    private ClusterConfigLoader() {
    }

    /** @throws ConfigException if the file cannot be read or the configuration has problems */
    public static ClusterConfig load(Path file) {
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw singleProblem(file.toString(), "the file does not exist");
        } catch (IOException e) {
            throw singleProblem(file.toString(), "the file cannot be read: " + e.getMessage());
        }
        return parse(yaml, file.toString());
    }

    /**
     * @param sourceName names the YAML in messages, e.g. a file name or {@code <stdin>}
     * @throws ConfigException listing every problem of the configuration
     */
    public static ClusterConfig parse(String yaml, String sourceName) {
        Node root = compose(yaml, sourceName);
        if (root == null || YamlReader.isNull(root)) {
            throw singleProblem(sourceName, "there is no configuration; a kind config file needs at least 'kind: "
                    + ClusterConfigReader.KIND + "' and 'apiVersion: " + ClusterConfigReader.API_VERSION + "'");
        }
        Problems problems = new Problems(sourceName, yaml);
        ClusterConfig config = new ClusterConfigReader(problems).read(root);
        if (config != null) {
            ConfigValidator.validate(config, problems);
        }
        problems.throwIfAny();
        return config;
    }

    /** What kind creates without a config file: one control-plane node named "kind". */
    public static ClusterConfig defaults() {
        return ClusterConfig.builder().build();
    }

    private static Node compose(String yaml, String sourceName) {
        try {
            return new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            throw new ConfigException(List.of(mark == null
                    ? new ConfigProblem(sourceName, 0, 0, "", syntaxMessage(e))
                    : new ConfigProblem(sourceName, mark.getLine() + 1, mark.getColumn() + 1, "", syntaxMessage(e))));
        } catch (YAMLException e) {
            throw singleProblem(sourceName, e.getMessage());
        }
    }

    private static String syntaxMessage(MarkedYAMLException e) {
        if (e.getContext() == null) {
            return e.getProblem();
        }
        String where = e.getContextMark() == null ? ""
                : " that starts at " + (e.getContextMark().getLine() + 1) + ":" + (e.getContextMark().getColumn() + 1);
        return e.getProblem() + " (" + e.getContext() + where + ")";
    }

    private static ConfigException singleProblem(String source, String message) {
        return new ConfigException(List.of(new ConfigProblem(source, 0, 0, "", message)));
    }
}
