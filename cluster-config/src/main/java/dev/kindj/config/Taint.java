package dev.kindj.config;

/** A node taint from a kubeadm {@code nodeRegistration.taints} patch; value may be empty. */
public record Taint(String key, String value, String effect) {

    public Taint {
        value = value == null ? "" : value;
    }
}
