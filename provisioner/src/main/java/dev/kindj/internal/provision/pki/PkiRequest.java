package dev.kindj.internal.provision.pki;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a cluster's certificates depend on. For nodes joining a running cluster, it lists only those nodes.
 *
 * @param allNodeNames control planes and workers: each gets a kubelet and a kube-proxy identity
 * @param extraApiServerSans DNS names or IP addresses the API server is also reached at (load balancer, published address)
 * @param firstServiceIp the address of the {@code kubernetes} service, the first of the service range
 * @param clusterEndpoint the API server URL that kubelets and the in-node admin kubeconfig use
 */
public record PkiRequest(
        String clusterName,
        List<ControlPlaneEndpoint> controlPlanes,
        List<String> allNodeNames,
        List<String> extraApiServerSans,
        String firstServiceIp,
        String clusterDomain,
        String clusterEndpoint,
        KeyAlgorithm algorithm) {

    public PkiRequest {
        Objects.requireNonNull(clusterName, "clusterName");
        controlPlanes = List.copyOf(controlPlanes);
        allNodeNames = List.copyOf(allNodeNames);
        extraApiServerSans = List.copyOf(extraApiServerSans);
        Objects.requireNonNull(clusterDomain, "clusterDomain");
        Objects.requireNonNull(clusterEndpoint, "clusterEndpoint");
        Objects.requireNonNull(algorithm, "algorithm");
        if (!SubjectAltNames.isIpLiteral(firstServiceIp)) {
            throw new IllegalArgumentException("first service IP is not an IP address: " + firstServiceIp);
        }
        Set<String> names = new HashSet<>();
        for (String name : allNodeNames) {
            if (!names.add(name)) {
                throw new IllegalArgumentException("node name used twice: " + name);
            }
        }
        Set<String> controlPlaneNames = new HashSet<>();
        for (ControlPlaneEndpoint controlPlane : controlPlanes) {
            if (!controlPlaneNames.add(controlPlane.nodeName())) {
                throw new IllegalArgumentException("control plane listed twice: " + controlPlane.nodeName());
            }
            if (!names.contains(controlPlane.nodeName())) {
                throw new IllegalArgumentException(
                        "control plane " + controlPlane.nodeName() + " is missing from allNodeNames");
            }
        }
    }
}
