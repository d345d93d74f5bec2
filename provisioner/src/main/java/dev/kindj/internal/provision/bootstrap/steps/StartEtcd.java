package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.internal.provision.Waits;
import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.bootstrap.context.Etcdctl;
import dev.kindj.internal.provision.bootstrap.context.NodeServices;
import dev.kindj.internal.provision.node.NodeProvider;
import java.time.Duration;

/** Starts etcd on the first control plane and waits until it answers its health check. */
public final class StartEtcd implements CreationStep {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Override
    public String title() {
        return "Starting etcd";
    }

    @Override
    public void run(CreationContext context) {
        String node = context.plan().firstControlPlane().name();
        NodeServices.start(context.provider(), node, "etcd");
        awaitHealth(context.provider(), node);
    }

    static void awaitHealth(NodeProvider provider, String node) {
        Waits.until("etcd on " + node + " to be healthy", TIMEOUT,
                () -> Etcdctl.run(provider, node, "endpoint", "health").succeeded(),
                () -> NodeServices.journal(provider, node, "etcd"));
    }
}
