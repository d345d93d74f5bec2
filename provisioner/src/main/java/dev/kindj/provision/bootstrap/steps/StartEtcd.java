package dev.kindj.provision.bootstrap.steps;

import dev.kindj.provision.bootstrap.CreationContext;
import dev.kindj.provision.bootstrap.CreationStep;
import dev.kindj.provision.bootstrap.NodeServices;
import dev.kindj.provision.bootstrap.Waits;
import dev.kindj.provision.node.NodeProvider;
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
        NodeProvider provider = context.provider();
        String node = context.plan().firstControlPlane().name();
        NodeServices.start(provider, node, "etcd");
        Waits.until("etcd on " + node + " to be healthy", TIMEOUT,
                () -> provider.exec(node, "etcdctl", "--endpoints=https://127.0.0.1:2379",
                        "--cacert=/etc/kubernetes/pki/etcd/ca.crt",
                        "--cert=/etc/kubernetes/pki/etcd/healthcheck-client.crt",
                        "--key=/etc/kubernetes/pki/etcd/healthcheck-client.key",
                        "endpoint", "health").succeeded(),
                () -> NodeServices.journal(provider, node, "etcd"));
    }
}
