package dev.kindj.internal.provision.registry;

import dev.kindj.internal.provision.node.NodeFile;

/**
 * What makes a cluster use a local registry: containerd's per-host configuration on every node, in kind's
 * {@code certs.d} layout, and KEP-1755's {@code local-registry-hosting} ConfigMap that tells tools (Tilt, Skaffold)
 * where to push.
 */
public final class RegistryFiles {

    /** containerd's {@code config_path} in the node image (node/files/etc/containerd/config.toml), as kind's. */
    static final String CERTS_D = "/etc/containerd/certs.d";
    /** Where the manifest is written on the first control plane, for kubectl apply. */
    public static final String MANIFEST = "/etc/kindj/manifests/local-registry-hosting.yaml";
    private static final String KEP_1755 = "https://github.com/kubernetes/enhancements/tree/master/keps/"
            + "sig-cluster-lifecycle/generic/1755-communicating-a-local-registry";

    private RegistryFiles() {
    }

    /**
     * Pulls of {@code localhost:<port>/...} go to the registry over the cluster network, in plain HTTP: inside a node,
     * localhost is the node itself.
     */
    public static NodeFile hostsToml(LocalRegistry registry) {
        String server = "http://" + registry.hostInNetwork();
        return NodeFile.text(CERTS_D + "/" + registry.host() + "/hosts.toml", """
                # Written by kindj: %s is the local registry %s on the cluster's Docker network.
                server = "%s"

                [host."%s"]
                  capabilities = ["pull", "resolve"]
                """.formatted(registry.host(), registry.name(), server, server), NodeFile.PUBLIC);
    }

    /**
     * KEP-1755's ConfigMap, {@code localRegistryHosting.v1} in {@code kube-public}. Image references in pod specs use
     * {@code host} (containerd maps it, see {@link #hostsToml}); pods that talk to the registry themselves (in-cluster
     * builders) use the container's name, which cluster DNS resolves through Docker's.
     */
    public static NodeFile hostingConfigMap(LocalRegistry registry) {
        return NodeFile.text(MANIFEST, """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: local-registry-hosting
                  namespace: kube-public
                data:
                  localRegistryHosting.v1: |
                    host: "%s"
                    hostFromContainerRuntime: "%s"
                    hostFromClusterNetwork: "%s"
                    help: "%s"
                """.formatted(registry.host(), registry.host(), registry.hostInNetwork(), KEP_1755),
                NodeFile.PUBLIC);
    }
}
