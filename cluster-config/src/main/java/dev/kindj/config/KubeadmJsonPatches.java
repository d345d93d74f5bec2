package dev.kindj.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.zjsonpatch.CompatibilityFlags;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
    private static final EnumSet<CompatibilityFlags> STRICT = EnumSet.of(CompatibilityFlags.FORBID_REMOVE_MISSING_OBJECT);
    private static final Set<String> ARGS_FIELDS = Set.of("extraArgs", "kubeletExtraArgs");
    private static final Set<String> TYPE_FIELDS = Set.of("apiVersion", "kind");

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
            KubeadmJsonPatches reader = new KubeadmJsonPatches(patch, networking, problems);
            String apiVersion = reader.apiVersion();
            ObjectNode mergePatch = apiVersion == null ? null : reader.mergePatch(apiVersion, current);
            if (mergePatch != null && mergePatch.size() > TYPE_FIELDS.size()) {
                String text = mergePatch.toString();
                KubeadmConfig config = KubeadmPatches.readTranslated(text, patch.patchPath(), networking, problems,
                        warnings);
                translations.add(new Translation(text, config));
                current = current.overriddenBy(config);
            }
        }
        return translations;
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

    /** The operations applied to the baseline, and what they changed as a merge patch; null after a problem. */
    private ObjectNode mergePatch(String apiVersion, KubeadmConfig current) {
        String text = patch.patch();
        if (text == null) {
            problems.report(patch.patchPath(), "required; a list of RFC 6902 operations such as '- op: add' with "
                    + "'path' and 'value'");
            return null;
        }
        List<JsonPatchText.Operation> operations = JsonPatchText.read(text, patch.patchPath(),
                "/apiServer/certSANs/-", problems);
        if (operations == null) {
            return null;
        }
        ObjectNode baseline = KubeadmBaseline.document(patch.kind(), apiVersion, current, networking);
        JsonNode patched = baseline;
        for (JsonPatchText.Operation operation : operations) {
            try {
                patched = JsonPatch.apply(JSON.createArrayNode().add(operation.json()), patched, STRICT);
            } catch (JsonPatchException e) {
                problems.reportInText(patch.patchPath(), operation.mark(), operation.path(), "'"
                        + operation.json().path("op").asText() + " " + operation.json().path("path").asText()
                        + "' does not apply to the " + patch.kind() + " document kindj patches (" + e.getMessage()
                        + "); that document holds what "
                        + "kind generates for the fields kindj maps (see the README) and what earlier patches set, "
                        + "and 'add' creates a field");
                return null;
            }
        }
        if (!(patched instanceof ObjectNode object)) {
            problems.reportInText(patch.patchPath(), null, patch.patchPath(), "replaces the whole " + patch.kind()
                    + " document; patch its fields instead");
            return null;
        }
        for (String name : TYPE_FIELDS) {
            if (!baseline.get(name).equals(object.get(name))) {
                problems.reportInText(patch.patchPath(), null, patch.patchPath(), "changes the document's " + name
                        + "; write a patch for the other " + name + " instead");
                return null;
            }
        }
        ObjectNode result = JSON.createObjectNode().put("apiVersion", apiVersion).put("kind", patch.kind());
        result.setAll(difference(baseline, object, ""));
        return result;
    }

    /** The merge patch that turns {@code before} into {@code after}; removing a field is reported. */
    private ObjectNode difference(ObjectNode before, ObjectNode after, String pointer) {
        ObjectNode changes = JSON.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = before.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode old = field.getValue();
            JsonNode now = after.get(name);
            String fieldPointer = pointer + "/" + name;
            if (TYPE_FIELDS.contains(name) || old.equals(now)) {
                continue;
            }
            if (now == null) {
                // an empty map or list in the baseline is only there so that paths into it exist
                if (!old.isContainerNode() || !old.isEmpty()) {
                    removed(fieldPointer + " (" + old + ")");
                }
            } else if (ARGS_FIELDS.contains(name) && args(old) != null && args(now) != null) {
                putIfAny(changes, name, argsDifference(args(old), args(now), now.isArray(), fieldPointer));
            } else if (name.equals("certSANs") && pointer.equals("/apiServer") && now.isArray()) {
                putIfAny(changes, name, certSANsDifference(old, now, fieldPointer));
            } else if (old instanceof ObjectNode oldObject && now instanceof ObjectNode newObject) {
                putIfAny(changes, name, difference(oldObject, newObject, fieldPointer));
            } else {
                changes.set(name, now);
            }
        }
        after.fields().forEachRemaining(field -> {
            if (!before.has(field.getKey())) {
                changes.set(field.getKey(), field.getValue());
            }
        });
        return changes;
    }

    private JsonNode argsDifference(Map<String, String> before, Map<String, String> after, boolean asList,
                                    String pointer) {
        Map<String, String> changed = new LinkedHashMap<>();
        before.forEach((name, value) -> {
            // kind writes an empty value where it has nothing to set; dropping one changes nothing
            if (!after.containsKey(name) && !value.isEmpty()) {
                removed(pointer + "/" + name + " (\"" + value + "\")");
            }
        });
        after.forEach((name, value) -> {
            if (!value.equals(before.get(name))) {
                changed.put(name, value);
            }
        });
        return KubeadmBaseline.args(changed, asList);
    }

    /** kindj always adds kind's own names to the certificate; the patch's are the rest. */
    private JsonNode certSANsDifference(JsonNode before, JsonNode after, String pointer) {
        for (JsonNode name : before) {
            if (!contains(after, name)) {
                removed(name + " from " + pointer);
            }
        }
        ArrayNode names = JSON.createArrayNode();
        List<String> kinds = KubeadmBaseline.kindCertSANs(networking);
        after.forEach(name -> {
            if (!kinds.contains(name.asText())) {
                names.add(name);
            }
        });
        return names;
    }

    private void removed(String what) {
        problems.reportInText(patch.patchPath(), null, patch.patchPath(), "removes " + what + ", which kind's generated configuration or an earlier patch sets; kindj can add to those settings "
                + "and change them, but not drop them: leave it in, or take it out of the earlier patch");
    }

    /** Extra arguments in either kubeadm form, or null when they are neither (the translation then says why). */
    private static Map<String, String> args(JsonNode node) {
        Map<String, String> args = new LinkedHashMap<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> args.put(field.getKey(), field.getValue().asText()));
            return args;
        }
        if (!node.isArray()) {
            return null;
        }
        for (JsonNode item : node) {
            if (!item.path("name").isTextual()) {
                return null;
            }
            args.put(item.get("name").asText(), item.path("value").asText());
        }
        return args;
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode item : array) {
            if (item.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static void putIfAny(ObjectNode changes, String name, JsonNode change) {
        if (!change.isEmpty()) {
            changes.set(name, change);
        }
    }
}
