package dev.kindj.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;

/**
 * Checks kind's containerd patches when the config is read, so that a patch that would only fail on the nodes is
 * reported with its file and line: TOML merge patches ({@code containerdConfigPatches}) must parse, and JSON 6902
 * patches ({@code containerdConfigPatchesJSON6902}) must be lists of operations.
 */
final class ContainerdPatches {

    static final String TOML_FIELD = "containerdConfigPatches";
    static final String JSON6902_FIELD = "containerdConfigPatchesJSON6902";

    /** The version of the node image's containerd configuration, which patches are merged into. */
    private static final int CONFIG_VERSION = 2;
    private static final TomlMapper TOML = new TomlMapper();

    private ContainerdPatches() {
    }

    static void check(List<String> tomlPatches, List<String> json6902Patches, Problems problems) {
        for (int i = 0; i < tomlPatches.size(); i++) {
            checkToml(tomlPatches.get(i), FieldPath.index(TOML_FIELD, i), problems);
        }
        for (int i = 0; i < json6902Patches.size(); i++) {
            String path = FieldPath.index(JSON6902_FIELD, i);
            JsonPatchText.read(json6902Patches.get(i), path, "/plugins/io.containerd.grpc.v1.cri/registry", problems);
        }
    }

    private static void checkToml(String patch, String path, Problems problems) {
        try {
            JsonNode version = TOML.readTree(patch).path("version");
            if (!version.isMissingNode() && version.asInt() != CONFIG_VERSION) {
                problems.reportInText(path, null, path, "sets containerd's config version " + version.asText()
                        + "; nodes run a version " + CONFIG_VERSION + " configuration, as kind's do: write the patch "
                        + "against [plugins.\"io.containerd.grpc.v1.cri\"] and leave 'version' out");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Mark mark = at == null ? null : new Mark(path, 0, at.getLineNr() - 1, Math.max(at.getColumnNr() - 1, 0),
                    new int[0], 0);
            problems.reportInText(path, mark, path, "the patch is not valid TOML: " + e.getOriginalMessage());
        }
    }
}
