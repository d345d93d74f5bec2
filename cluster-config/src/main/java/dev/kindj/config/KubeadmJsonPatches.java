package dev.kindj.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.zjsonpatch.CompatibilityFlags;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * kind's {@code kubeadmConfigPatchesJSON6902}. kindj has no kubeadm documents to patch, so each patch's operations run
 * on a {@link KubeadmBaseline} of its group, version and kind, and what they changed becomes the merge patch it amounts
 * to, which {@link KubeadmPatches} then reads like a written one: one code path decides what is honoured.
 */
final class KubeadmJsonPatches {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** RFC 6902 as written: removing what is not there is an error, as it is for kind. */
    private static final EnumSet<CompatibilityFlags> STRICT =
            EnumSet.of(CompatibilityFlags.FORBID_REMOVE_MISSING_OBJECT);
    private static final Map<String, String> EXAMPLE_PATHS = Map.of(KubeadmPatches.CLUSTER, "/apiServer/certSANs/-",
            KubeadmPatches.INIT, "/nodeRegistration/taints", KubeadmPatches.JOIN, "/nodeRegistration/taints",
            KubeadmPatches.KUBELET, "/maxPods", KubeadmPatches.KUBE_PROXY, "/conntrack");

    /**
     * @param mergePatch what the patch changed, as a merge patch (JSON text)
     * @param config     what that merge patch asks of the bootstrap
     */
    record Translation(String mergePatch, KubeadmConfig config) {
    }

    private final KubeadmJsonPatch patch;
    private final Networking networking;
    private final Problems problems;

    private KubeadmJsonPatches(KubeadmJsonPatch patch, Networking networking, Problems problems) {
        this.patch = patch;
        this.networking = networking;
        this.problems = problems;
    }

    /**
     * The patches applied in order, each over {@code base} and the patches before it. A patch with problems (reported)
     * or without effect has no translation.
     */
    static List<Translation> translate(List<KubeadmJsonPatch> patches, KubeadmConfig base, Networking networking,
                                       Problems problems, List<String> warnings) {
        List<Translation> translations = new ArrayList<>();
        KubeadmConfig current = base;
        for (KubeadmJsonPatch patch : patches) {
            Translation translation = new KubeadmJsonPatches(patch, networking, problems).translation(current,
                    warnings);
            if (translation != null) {
                translations.add(translation);
                current = current.overriddenBy(translation.config());
            }
        }
        return translations;
    }

    private Translation translation(KubeadmConfig current, List<String> warnings) {
        String apiVersion = apiVersion();
        if (apiVersion == null) {
            return null;
        }
        if (patch.patch() == null) {
            problems.report(patch.patchPath(), "required; a list of RFC 6902 operations such as '- op: add' with "
                    + "'path' and 'value'");
            return null;
        }
        List<JsonPatchText.Operation> operations = JsonPatchText.read(patch.patch(), patch.patchPath(),
                EXAMPLE_PATHS.get(patch.kind()), problems);
        if (operations == null) {
            return null;
        }
        ObjectNode baseline = KubeadmBaseline.document(patch.kind(), apiVersion, current, networking);
        JsonNode patched = baseline;
        Outcome outcome = new Outcome(null, List.of(), List.of());
        // each problem is reported at the operation after which it first showed
        Map<String, JsonPatchText.Operation> culprits = new HashMap<>();
        for (JsonPatchText.Operation operation : operations) {
            try {
                patched = JsonPatch.apply(JSON.createArrayNode().add(operation.json()), patched, STRICT);
            } catch (JsonPatchException e) {
                String written = operation.json().path("op").asText() + " " + operation.json().path("path").asText();
                problems.reportInText(patch.patchPath(), operation.mark(), operation.path(), "'" + written
                        + "' does not apply to the " + patch.kind() + " document kindj patches (" + e.getMessage()
                        + "); that document holds what kind generates for the fields kindj maps (see the README) and "
                        + "what earlier patches set, and 'add' creates a field");
                return null;
            }
            outcome = outcome(baseline, patched);
            outcome.problems().forEach(found -> culprits.putIfAbsent(found.toString(), operation));
        }
        for (ConfigProblem found : outcome.problems()) {
            JsonPatchText.Operation culprit = culprits.get(found.toString());
            // a problem of the whole document (a removal) is the operation's; one of a field keeps the field's path
            String path = found.fieldPath().equals(patch.patchPath()) ? culprit.path() : found.fieldPath();
            problems.reportInText(patch.patchPath(), culprit.mark(), path, found.message());
        }
        warnings.addAll(outcome.warnings());
        return outcome.problems().isEmpty() ? outcome.translation() : null;
    }

    /**
     * What the patched document asks of the bootstrap.
     *
     * @param translation null when it asks nothing
     */
    private record Outcome(Translation translation, List<ConfigProblem> problems, List<String> warnings) {
    }

    private Outcome outcome(ObjectNode baseline, JsonNode patched) {
        Problems found = new Problems("");
        List<String> warnings = new ArrayList<>();
        ObjectNode mergePatch = new KubeadmDifference(networking, found, patch.patchPath()).mergePatch(baseline,
                patched);
        if (mergePatch == null || mergePatch.size() == KubeadmDifference.TYPE_FIELDS.size()) {
            return new Outcome(null, found.found(), warnings);
        }
        String text = mergePatch.toString();
        KubeadmConfig config = KubeadmPatches.readTranslated(text, patch.patchPath(), networking, found, warnings);
        return new Outcome(new Translation(text, config), found.found(), warnings);
    }

    /** The API version of kindj's baseline the patch applies to, or null when the entry does not name one. */
    private String apiVersion() {
        String kind = patch.kind();
        Set<String> apiVersions = kind == null ? null : KubeadmPatches.API_VERSIONS.get(kind);
        if (apiVersions == null) {
            problems.report(FieldPath.field(patch.path(), "kind"), (kind == null ? "required" : "'" + kind
                    + "' is not a kind kindj can patch") + "; kind applies the patch to its generated document of "
                    + "that kind, one of " + String.join(", ", KubeadmPatches.KINDS));
            return null;
        }
        List<String> sorted = apiVersions.stream().sorted().toList();
        String group = sorted.get(0).substring(0, sorted.get(0).indexOf('/'));
        if (!group.equals(patch.group())) {
            problems.report(FieldPath.field(patch.path(), "group"), (patch.group() == null ? "required"
                    : "'" + patch.group() + "' is not the group of " + kind) + "; use 'group: " + group + "'");
            return null;
        }
        if (patch.version() == null) {
            // kind matches on the group alone then; kindj's baseline has the version kind generates today
            return sorted.get(sorted.size() - 1);
        }
        String apiVersion = group + "/" + patch.version();
        if (!apiVersions.contains(apiVersion)) {
            problems.report(FieldPath.field(patch.path(), "version"), "'" + patch.version() + "' is not a version of "
                    + kind + " kindj reads; use " + String.join(" or ", sorted.stream()
                    .map(known -> known.substring(group.length() + 1)).toList())
                    + ", or leave version out to patch any version");
            return null;
        }
        return apiVersion;
    }
}
