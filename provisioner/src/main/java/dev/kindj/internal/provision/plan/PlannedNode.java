package dev.kindj.internal.provision.plan;

import dev.kindj.config.Ipv4Cidr;
import dev.kindj.config.NodeConfig;
import dev.kindj.internal.provision.node.NodeRole;

/**
 * One container of the cluster as planned: its name, fixed IP, and (for Kubernetes nodes) the pod
 * range its kubelet and CNI use, which equals the Node's spec.podCIDR.
 *
 * @param config the node's settings from the cluster config; null for the load balancer
 * @param podCidr null for the load balancer
 */
public record PlannedNode(String name, NodeRole role, String ip, Ipv4Cidr podCidr, String image, NodeConfig config) {

    public boolean isControlPlane() {
        return role == NodeRole.CONTROL_PLANE;
    }
}
