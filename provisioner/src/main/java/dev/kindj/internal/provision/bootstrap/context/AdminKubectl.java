package dev.kindj.internal.provision.bootstrap.context;

import dev.kindj.internal.provision.node.ExecResult;
import dev.kindj.internal.provision.node.NodeProvider;
import dev.kindj.internal.provision.pki.PkiPaths;
import java.util.ArrayList;
import java.util.List;

/**
 * kubectl run on a control plane with one of its admin kubeconfigs: the cluster admin, without a kubeconfig on the
 * host. Creation uses super-admin.conf (system:masters, which needs no RBAC binding): admin.conf's group becomes
 * cluster-admin only through the cluster objects creation applies.
 */
public record AdminKubectl(NodeProvider provider, String controlPlane, String kubeconfig) {

    /** With admin.conf, for a cluster that is up. */
    public AdminKubectl(NodeProvider provider, String controlPlane) {
        this(provider, controlPlane, PkiPaths.ADMIN_KUBECONFIG);
    }

    public ExecResult run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig=" + kubeconfig, "--request-timeout=20s"));
        command.addAll(List.of(arguments));
        return provider.exec(controlPlane, command, null);
    }

    /** Runs and returns the output, or throws with kubectl's error. */
    public String output(String... arguments) {
        return run(arguments).orThrow(controlPlane).stdout();
    }
}
