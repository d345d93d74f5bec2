package dev.kindj.internal.provision.bootstrap.components;

import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;

/**
 * haproxy's configuration in the load balancer of a cluster with several control planes: TCP on port 6443 to every
 * control plane's API server, each used only while its {@code /readyz} answers 200 over TLS.
 */
public final class LoadBalancerFiles {

    /** Where the load balancer image's haproxy reads its configuration, on every start and reload. */
    public static final String CONFIG_PATH = "/etc/haproxy/haproxy.cfg";

    private LoadBalancerFiles() {}

    public static NodeFile config(ClusterPlan plan) {
        StringBuilder config = new StringBuilder()
                .append("# Written by kindj: the API servers of cluster ").append(plan.name()).append(".\n")
                .append("""
                        defaults
                          mode tcp
                          timeout connect 2s
                          # a busy 2-core machine can take seconds to answer a health check
                          timeout check 3s
                          # watches stay open for minutes without a byte
                          timeout client 1h
                          timeout server 1h
                          # a connection refused by a stopped API server is retried on another one
                          retries 2
                          option redispatch

                        frontend control-plane
                          bind *:%1$d
                          default_backend kube-apiservers

                        backend kube-apiservers
                          option httpchk GET /readyz
                          http-check expect status 200
                          # the API servers' certificates are checked by the clients, not here
                          default-server check check-ssl verify none inter 1s fall 3 rise 1 on-marked-down shutdown-sessions
                        """.formatted(ClusterPlan.API_SERVER_PORT));
        for (PlannedNode controlPlane : plan.controlPlanes()) {
            config.append("  server ").append(controlPlane.name()).append(' ')
                    .append(controlPlane.ip()).append(':').append(ClusterPlan.API_SERVER_PORT).append('\n');
        }
        return NodeFile.text(CONFIG_PATH, config.toString(), NodeFile.PUBLIC);
    }
}
