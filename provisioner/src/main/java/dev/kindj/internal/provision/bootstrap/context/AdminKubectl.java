package dev.kindj.internal.provision.bootstrap;

import dev.kindj.internal.provision.node.ExecResult;
import dev.kindj.internal.provision.node.NodeProvider;
import dev.kindj.internal.provision.pki.PkiPaths;
import java.util.ArrayList;
import java.util.List;

/** kubectl run on a control plane with its admin.conf: the cluster admin, without a kubeconfig on the host. */
public record AdminKubectl(NodeProvider provider, String controlPlane) {

    public ExecResult run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig=" + PkiPaths.ADMIN_KUBECONFIG,
                "--request-timeout=20s"));
        command.addAll(List.of(arguments));
        return provider.exec(controlPlane, command, null);
    }

    /** Runs and returns the output, or throws with kubectl's error. */
    public String output(String... arguments) {
        return run(arguments).orThrow(controlPlane).stdout();
    }
}
