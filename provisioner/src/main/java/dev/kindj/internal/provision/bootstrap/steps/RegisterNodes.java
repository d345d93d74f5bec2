package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.internal.provision.Waits;
import dev.kindj.internal.provision.bootstrap.components.KubeletFiles;
import dev.kindj.internal.provision.bootstrap.context.AdminKubectl;
import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.bootstrap.context.NodeServices;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Waits for each kubelet to register its Node, then gives the Node its planned pod range (so the
 * API agrees with the CNI config already on the node) and its labels, those of kind's {@code labels} and of
 * kubeadm patches' {@code node-labels}. Kubelets may not set
 * node-role labels themselves (NodeRestriction), so this is done as admin, as kubeadm does.
 */
public final class RegisterNodes implements CreationStep {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Override
    public String title() {
        return "Joining nodes";
    }

    @Override
    public void run(CreationContext context) {
        context.forEach(context.addedNodes(), node -> register(context, node));
    }

    private static void register(CreationContext context, PlannedNode node) {
        AdminKubectl kubectl = context.kubectl();
        Waits.until("node " + node.name() + " to register", TIMEOUT,
                () -> kubectl.run("get", "node", node.name()).succeeded(),
                () -> NodeServices.journal(context.provider(), node.name(), "kubelet"));
        String cidr = node.podCidr().toString();
        kubectl.output("patch", "node", node.name(), "--type=merge", "-p",
                "{\"spec\":{\"podCIDR\":\"" + cidr + "\",\"podCIDRs\":[\"" + cidr + "\"]}}");
        List<String> labels = labels(context.plan(), node);
        if (!labels.isEmpty()) {
            List<String> command = new ArrayList<>(List.of("label", "--overwrite", "node", node.name()));
            command.addAll(labels);
            kubectl.output(command.toArray(String[]::new));
        }
    }

    static List<String> labels(ClusterPlan plan, PlannedNode node) {
        List<String> labels = new ArrayList<>();
        if (node.isControlPlane()) {
            labels.add("node-role.kubernetes.io/control-plane=");
            labels.add("node.kubernetes.io/exclude-from-external-load-balancers=");
        }
        Map<String, String> nodeLabels = new LinkedHashMap<>(KubeletFiles.registration(plan, node).labels());
        nodeLabels.putAll(node.config().labels());
        for (Map.Entry<String, String> label : nodeLabels.entrySet()) {
            labels.add(label.getKey() + "=" + label.getValue());
        }
        return labels;
    }
}
