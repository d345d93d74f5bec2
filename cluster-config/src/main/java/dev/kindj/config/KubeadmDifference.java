package dev.kindj.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a JSON 6902 patch changed in a {@link KubeadmBaseline}, as the merge patch that makes the same change. kindj
 * can add to and change the baseline's settings but not drop them, so a removal is reported instead.
 */
final class KubeadmDifference {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ARGS_FIELDS = Set.of("extraArgs", "kubeletExtraArgs");
    static final Set<String> TYPE_FIELDS = Set.of("apiVersion", "kind");

    private final Networking networking;
    private final Problems problems;
    private final String patchPath;

    /** @param patchPath where the patch's text is, for problems */
    KubeadmDifference(Networking networking, Problems problems, String patchPath) {
        this.networking = networking;
        this.problems = problems;
        this.patchPath = patchPath;
    }

    /** The merge patch from {@code before} to {@code after}, with their kind and apiVersion; null when those changed. */
    ObjectNode mergePatch(ObjectNode before, JsonNode after) {
        if (!(after instanceof ObjectNode object)) {
            problems.reportInText(patchPath, null, patchPath, "replaces the whole " + before.path("kind").asText()
                    + " document; patch its fields instead");
            return null;
        }
        for (String name : TYPE_FIELDS) {
            if (!before.get(name).equals(object.get(name))) {
                problems.reportInText(patchPath, null, patchPath, "changes the document's " + name
                        + "; write a patch for the other " + name + " instead");
                return null;
            }
        }
        ObjectNode result = JSON.createObjectNode().put("apiVersion", before.get("apiVersion").asText())
                .put("kind", before.get("kind").asText());
        return result.setAll(difference(before, object, ""));
    }

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
        problems.reportInText(patchPath, null, patchPath, "removes " + what + ", which kind's generated "
                + "configuration or an earlier patch sets; kindj can add to those settings and change them, but not "
                + "drop them: leave it in, or take it out of the earlier patch");
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
