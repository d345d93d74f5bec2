package dev.kindj.internal.provision.bootstrap.steps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindj.internal.provision.Waits;
import dev.kindj.internal.provision.bootstrap.components.KubeletFiles;
import dev.kindj.internal.provision.bootstrap.context.AdminKubectl;
import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.bootstrap.context.NodeServices;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Waits for each kubelet to register its Node, then gives the Node its planned pod range (so the
 * API agrees with the CNI config already on the node) and its labels, those of kind's {@code labels} and of
 * kubeadm patches' {@code node-labels}. Kubelets may not set
 * node-role labels themselves (NodeRestriction), so this is done as admin, as kubeadm does.
 */
public final class RegisterNodes implements CreationStep {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

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
        kubectl.output("patch", "node", node.name(), "--type=merge", "-p", patch(context.plan(), node));
    }

    /** One merge patch for the pod range and the labels: each kubectl run in the node costs a process start. */
    static String patch(ClusterPlan plan, PlannedNode node) {
        String cidr = node.podCidr().toString();
        ObjectNode patch = JSON.createObjectNode();
        ObjectNode labels = patch.putObject("metadata").putObject("labels");
        labels(plan, node).forEach(labels::put);
        patch.putObject("spec").put("podCIDR", cidr).putArray("podCIDRs").add(cidr);
        return patch.toString();
    }

    static Map<String, String> labels(ClusterPlan plan, PlannedNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (node.isControlPlane()) {
            labels.put("node-role.kubernetes.io/control-plane", "");
            labels.put("node.kubernetes.io/exclude-from-external-load-balancers", "");
        }
        labels.putAll(KubeletFiles.registration(plan, node).labels());
        labels.putAll(node.config().labels());
        return labels;
    }
}
