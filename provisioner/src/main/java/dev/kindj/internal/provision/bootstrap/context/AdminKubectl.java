package dev.kindj.internal.provision.bootstrap.context;

import dev.kindj.internal.provision.node.ExecResult;
import dev.kindj.internal.provision.node.NodeProvider;
import dev.kindj.internal.provision.pki.PkiPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

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
        return provider.exec(controlPlane, command(List.of(arguments)), null);
    }

    /** Runs and returns the output, or throws with kubectl's error. */
    public String output(String... arguments) {
        return run(arguments).orThrow(controlPlane).stdout();
    }

    /**
     * Runs kubectl once per argument list, one after the other while each succeeds, in one exec: each exec is a round
     * trip to the engine and a runtime's process start in the node.
     */
    public ExecResult runEach(List<List<String>> runs) {
        String script = runs.stream()
                .map(arguments -> command(arguments).stream().map(AdminKubectl::quoted).collect(Collectors.joining(" ")))
                .collect(Collectors.joining(" && "));
        return provider.exec(controlPlane, List.of("sh", "-c", script), null);
    }

    /** {@link #runEach} that returns the output, or throws with the error of the run that failed. */
    public String outputOfEach(List<List<String>> runs) {
        return runEach(runs).orThrow(controlPlane).stdout();
    }

    private List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig=" + kubeconfig, "--request-timeout=20s"));
        command.addAll(arguments);
        return command;
    }

    private static String quoted(String argument) {
        return "'" + argument.replace("'", "'\\''") + "'";
    }
}
