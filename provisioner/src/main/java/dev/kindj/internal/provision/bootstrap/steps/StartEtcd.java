package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.internal.provision.Waits;
import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.bootstrap.context.Etcdctl;
import dev.kindj.internal.provision.bootstrap.context.NodeServices;
import dev.kindj.internal.provision.node.NodeProvider;
import java.time.Duration;

/** Waits until etcd, started at the first control plane's boot, answers its health check. */
public final class StartEtcd implements CreationStep {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Override
    public String title() {
        return "Starting etcd";
    }

    @Override
    public void run(CreationContext context) {
        awaitHealth(context.provider(), context.plan().firstControlPlane().name());
    }

    static void awaitHealth(NodeProvider provider, String node) {
        Waits.until("etcd on " + node + " to be healthy", TIMEOUT,
                () -> Etcdctl.run(provider, node, "endpoint", "health").succeeded(),
                () -> NodeServices.journal(provider, node, "etcd"));
    }
}
