package dev.kindj.internal.provision.bootstrap.components;

import dev.kindj.config.ClusterConfig;
import dev.kindj.internal.provision.node.NodeFile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The command-line flags of one component, written one per line to the file its unit hands to the binary. */
final class ComponentArgs {

    private final String unit;
    private final Map<String, String> flags = new LinkedHashMap<>();

    ComponentArgs(String unit) {
        this.unit = unit;
    }

    ComponentArgs flag(String name, Object value) {
        String text = String.valueOf(value);
        if (text.isBlank() || text.contains("\n")) {
            throw new IllegalArgumentException("--" + name + " of " + unit + " needs a one-line value, not '" + text + "'");
        }
        if (flags.putIfAbsent(name, text) != null) {
            throw new IllegalStateException("--" + name + " given twice for " + unit);
        }
        return this;
    }

    /** {@code --name=k1=v1,k2=v2}, keys sorted so the same config always gives the same file; nothing when empty. */
    ComponentArgs keyValues(String name, Map<String, ?> values) {
        if (values.isEmpty()) {
            return this;
        }
        return flag(name, new TreeMap<>(values).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(",")));
    }

    /**
     * The flags the controller-manager and scheduler share: serving only on loopback, one active
     * instance across control planes, and their own identity for API calls and delegated auth.
     */
    ComponentArgs leaderElectedOnLoopback(String kubeconfig) {
        return flag("bind-address", "127.0.0.1")
                .flag("leader-elect", true)
                .flag("kubeconfig", kubeconfig)
                .flag("authentication-kubeconfig", kubeconfig)
                .flag("authorization-kubeconfig", kubeconfig);
    }

    /** A kubeadm patch's extraArgs: each replaces kindj's value of that flag or comes after kindj's flags. */
    ComponentArgs extraArgs(Map<String, String> extra) {
        flags.putAll(extra);
        return this;
    }

    ComponentArgs featureGates(ClusterConfig config) {
        return keyValues("feature-gates", config.featureGates());
    }

    NodeFile toFile() {
        StringBuilder text = new StringBuilder();
        flags.forEach((name, value) -> text.append("--").append(name).append('=').append(value).append('\n'));
        return NodeFile.text(ComponentFiles.argsPath(unit), text.toString(), NodeFile.PUBLIC);
    }
}
