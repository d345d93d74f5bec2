package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.internal.provision.Waits;
import dev.kindj.internal.provision.bootstrap.components.EtcdFiles;
import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.bootstrap.context.Etcdctl;
import dev.kindj.internal.provision.bootstrap.context.NodeServices;
import dev.kindj.internal.provision.node.ExecResult;
import dev.kindj.internal.provision.node.NodeCommandException;
import dev.kindj.internal.provision.node.NodeProvider;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes each added control plane after the first an etcd member, one at a time (their arguments say
 * initial-cluster-state {@code existing}); the first control plane's etcd adds them, also when a control plane joins
 * a running cluster. Each joins as a learner and is promoted once it has caught up: a voting member added directly
 * leaves etcd without quorum until it runs, which stalls it for seconds. etcd accepts the next member only after 5 s
 * with every member connected, so each API server starts as soon as its etcd is a healthy member (the first one's
 * at boot) and boots meanwhile; one started before its etcd would back off connecting and be ready later.
 */
public final class JoinControlPlanes implements CreationStep {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** How etcd says "not yet": not every member has been connected for 5 s, or the learner has not caught up. */
    private static final List<String> NOT_YET = List.of(
            "etcdserver: unhealthy cluster",
            "etcdserver: can only promote a learner member which is in sync with leader");
    /** etcdctl pads the hexadecimal ID to 16 characters with spaces. */
    private static final Pattern ADDED_MEMBER_ID = Pattern.compile("Member +([0-9a-f]+) added");

    @Override
    public String title() {
        return "Joining control planes";
    }

    @Override
    public boolean appliesTo(ClusterPlan plan) {
        return plan.controlPlanes().size() > 1;
    }

    @Override
    public void run(CreationContext context) {
        NodeProvider provider = context.provider();
        PlannedNode firstControlPlane = context.plan().firstControlPlane();
        String first = firstControlPlane.name();
        for (PlannedNode member : context.addedNodes().stream()
                .filter(node -> node.isControlPlane() && !node.equals(firstControlPlane)).toList()) {
            ExecResult added = onceAccepted(provider, first, "etcd to add " + member.name() + " as a learner",
                    "member", "add", member.name(), "--learner", "--peer-urls=" + EtcdFiles.peerUrl(member));
            NodeServices.release(provider, member.name(), "etcd");
            onceAccepted(provider, first, "etcd to promote " + member.name(), "member", "promote", memberId(added));
            StartEtcd.awaitHealth(provider, member.name());
            NodeServices.release(provider, member.name(), "kube-apiserver");
        }
    }

    /** Runs the etcdctl command on {@code node} until etcd accepts it; a refusal other than {@link #NOT_YET} is final. */
    private static ExecResult onceAccepted(NodeProvider provider, String node, String what, String... command) {
        ExecResult[] last = {null};
        Waits.until(what, TIMEOUT, () -> {
            last[0] = Etcdctl.run(provider, node, command);
            if (!last[0].succeeded() && NOT_YET.stream().noneMatch(last[0].stderr()::contains)) {
                throw new NodeCommandException(node, last[0]);
            }
            return last[0].succeeded();
        }, () -> last[0].stderr());
        return last[0];
    }

    private static String memberId(ExecResult added) {
        Matcher id = ADDED_MEMBER_ID.matcher(added.stdout());
        if (!id.find()) {
            throw new IllegalStateException("etcdctl member add printed no member ID: " + added.stdout());
        }
        return id.group(1);
    }
}
