package dev.kindj.internal.provision.bootstrap.components;

import static dev.kindj.internal.provision.pki.PkiPaths.certificate;
import static dev.kindj.internal.provision.pki.PkiPaths.key;

import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.pki.PkiPaths;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;

/** kube-controller-manager's arguments: the same on every control plane but for node-level kubeadm patches. */
public final class ControllerManagerFiles {

    private ControllerManagerFiles() {}

    public static NodeFile args(ClusterPlan plan, PlannedNode node) {
        return new ComponentArgs("kube-controller-manager")
                .leaderElectedOnLoopback(PkiPaths.CONTROLLER_MANAGER_KUBECONFIG)
                .flag("client-ca-file", certificate(PkiPaths.CA))
                .flag("requestheader-client-ca-file", certificate(PkiPaths.FRONT_PROXY_CA))
                .flag("root-ca-file", certificate(PkiPaths.CA))
                .flag("service-account-private-key-file", PkiPaths.SERVICE_ACCOUNT_KEY)
                .flag("cluster-signing-cert-file", certificate(PkiPaths.CA))
                .flag("cluster-signing-key-file", key(PkiPaths.CA))
                .flag("use-service-account-credentials", true)
                // each controller's client is built with its own ServiceAccount's token: about 140 requests at start,
                // which the default 20 per second (burst 30) stretched to 4.6 s before any controller ran
                .flag("kube-api-qps", 100)
                .flag("kube-api-burst", 200)
                .flag("controllers", "*,bootstrapsigner,tokencleaner")
                .flag("cluster-name", plan.name())
                .flag("cluster-cidr", plan.podSubnet())
                // kindj sets each Node's spec.podCIDR to its planned range, the one its CNI config already uses
                .flag("allocate-node-cidrs", false)
                .flag("service-cluster-ip-range", plan.serviceSubnet())
                .featureGates(plan.config())
                .extraArgs(plan.config().kubeadmFor(node.config()).controllerManagerArgs())
                .toFile();
    }
}
