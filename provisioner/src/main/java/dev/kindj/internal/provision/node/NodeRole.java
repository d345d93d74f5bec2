package dev.kindj.internal.provision.node;

import java.util.Arrays;

/** What a container of a cluster is for; the label value is what `get nodes` shows. */
public enum NodeRole {
    CONTROL_PLANE("control-plane"),
    WORKER("worker"),
    LOAD_BALANCER("external-load-balancer");

    private final String label;

    NodeRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static NodeRole fromLabel(String label) {
        return Arrays.stream(values())
                .filter(role -> role.label.equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown node role label: " + label));
    }
}
