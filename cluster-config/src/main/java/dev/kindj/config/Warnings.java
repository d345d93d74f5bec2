package dev.kindj.config;

/** Wording of warnings that both the YAML reader and the builder give. */
final class Warnings {
    private Warnings() {
    }

    static String kubeadmPatchesIgnored(String path) {
        return path + ": kindj does not run kubeadm; these patches are ignored";
    }
}
