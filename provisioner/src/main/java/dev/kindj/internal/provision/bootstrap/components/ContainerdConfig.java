package dev.kindj.internal.provision.bootstrap.components;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.kindj.config.ClusterConfig;
import dev.kindj.config.KubeadmConfig;
import io.fabric8.zjsonpatch.CompatibilityFlags;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A node's containerd configuration with kind's patches applied the way kind applies them: each TOML patch merged
 * into the configuration (tables merge key by key, anything else is replaced), then each JSON 6902 patch applied to
 * the result seen as JSON.
 */
public final class ContainerdConfig {

    public static final String PATH = "/etc/containerd/config.toml";

    private static final TomlMapper TOML = new TomlMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> TABLES = new TypeReference<>() {
    };
    /** RFC 6902 as written: removing what is not there is an error, as it is for kind. */
    private static final EnumSet<CompatibilityFlags> STRICT = EnumSet.of(CompatibilityFlags.FORBID_REMOVE_MISSING_OBJECT);
    private static final String CRI = "io.containerd.grpc.v1.cri";

    private ContainerdConfig() {
    }

    public static boolean hasPatches(ClusterConfig config) {
        return !config.containerdConfigPatches().isEmpty() || !config.containerdConfigPatchesJSON6902().isEmpty();
    }

    /**
     * @param base the node image's configuration
     * @throws IllegalArgumentException naming the patch that cannot be applied to it
     */
    public static String patched(String base, ClusterConfig config) {
        Map<String, Object> mergedTables = toml(base, "the node image's " + PATH);
        boolean configPathPatched = false;
        List<String> tomlPatches = config.containerdConfigPatches();
        for (int i = 0; i < tomlPatches.size(); i++) {
            Map<String, Object> patch = toml(tomlPatches.get(i), "containerdConfigPatches[" + i + "]");
            configPathPatched |= !registry(JSON.valueToTree(patch)).path("config_path").isMissingNode();
            // kind merges these patches as it merges its kubeadm documents
            mergedTables = KubeadmConfig.mergedTree(mergedTables, patch);
        }
        ObjectNode merged = JSON.valueToTree(mergedTables);
        ObjectNode registry = registry(merged) instanceof ObjectNode found ? found : null;
        // containerd refuses registry mirrors next to a certs.d config_path; a patch that adds mirrors (as kind's older
        // local-registry recipe does) chooses mirrors, as it does on kind's nodes, which set no config_path
        if (registry != null && !configPathPatched && registry.path("mirrors").size() > 0) {
            registry.remove("config_path");
        }
        JsonNode result = merged;
        List<String> jsonPatches = config.containerdConfigPatchesJSON6902();
        for (int i = 0; i < jsonPatches.size(); i++) {
            String name = "containerdConfigPatchesJSON6902[" + i + "]";
            try {
                // YAML is a superset of JSON: kind takes these patches in either form
                Object operations = new Yaml(new LoaderOptions()).load(jsonPatches.get(i));
                result = JsonPatch.apply(JSON.valueToTree(operations), result, STRICT);
            } catch (JsonPatchException e) {
                throw new IllegalArgumentException(name + " does not apply to the node's containerd configuration: "
                        + e.getMessage(), e);
            }
        }
        try {
            return TOML.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the patched containerd configuration cannot be written as TOML: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode registry(JsonNode config) {
        return config.path("plugins").path(CRI).path("registry");
    }

    private static Map<String, Object> toml(String text, String name) {
        try {
            return TOML.readValue(text, TABLES);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(name + " cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
