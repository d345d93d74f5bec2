package dev.kindj.internal.provision.bootstrap.components;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.pki.PkiPaths;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * What an api-only node runs instead of systemd: one script, its container's command, that starts etcd,
 * kube-apiserver and kube-controller-manager with the same argument files a control plane's units use, creates the
 * admin group's binding once the API is ready, and then marks the node ready.
 */
public final class ApiOnlyFiles {

    public static final String SCRIPT = "/etc/kindj/api-only/run";
    /** Exists once the API is ready and the admin kubeconfig is allowed in; removed at each start of the script. */
    public static final String READY_MARKER = "/run/kindj-api-only-ready";
    static final String CLUSTER_ADMINS_JSON = "/etc/kindj/api-only/cluster-admins.json";
    /**
     * etcd does not wait for the disk on each write: the API server's start writes hundreds of objects, and a test
     * cluster's data is not worth that wait. A crash of the engine's host can lose the last writes; a stop cannot.
     * Its only member elects itself within 10-100 ms instead of 0.1-1 s (a random part of the election timeout, which
     * guards against slow peers, and it has none).
     */
    private static final Map<String, String> ETCD_DEFAULTS = Map.of(
            "unsafe-no-fsync", "true", "heartbeat-interval", "10", "election-timeout", "100");
    private static final String BINDINGS = "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings";

    private ApiOnlyFiles() {}

    /** The script, the binding it creates and the components' argument files. */
    public static List<NodeFile> forNode(ClusterPlan plan, PlannedNode node) {
        List<NodeFile> files = new ArrayList<>(ComponentFiles.apiAndControllers(plan, node, ETCD_DEFAULTS));
        files.add(NodeFile.text(CLUSTER_ADMINS_JSON, json(ClusterObjects.CLUSTER_ADMINS), NodeFile.PUBLIC));
        files.add(NodeFile.text(SCRIPT, script(), 0755));
        return List.copyOf(files);
    }

    /**
     * Start-up time is the point, on machines with few cores. etcd and the API server start at once (the API server
     * retries etcd); the controller-manager starts once the API is ready (as on a full control plane), so that it does
     * not slow the API server's own start. The waits cost little CPU and look often, since they share two cores with
     * the API server's start: a bash TCP probe until it listens, openssl (a tenth of kubectl's CPU; the image has no
     * curl) until {@code /readyz} answers 200, kubectl once for the binding, and openssl again until the default
     * namespace answers the admin (what fabric8 kube-api-test waits for, with the admin kubeconfig's own credentials,
     * so they are proven allowed in). kubectl retried while the API server ran its post-start hooks cost more CPU
     * than anything else in the wait.
     */
    private static String script() {
        return """
                #!/bin/bash
                # kindj api-only node: etcd, kube-apiserver and kube-controller-manager, no systemd, no kubelet.
                # Each component's output goes to the container's console, each line prefixed with its name.
                set -u
                rm -f %1$s
                trap 'trap - TERM INT; kill -TERM 0; wait; exit 0' TERM INT
                start() { kindj-run "$1" 2>&1 | sed -u "s/^/$1: /" & }
                start etcd
                start kube-apiserver
                kubectl() { /usr/local/bin/kubectl --kubeconfig=%2$s --server=https://127.0.0.1:%3$d "$@"; }
                # the admin kubeconfig's credentials as files, for openssl
                admin=/run/kindj-admin
                (umask 077
                 sed -n 's/^ *client-certificate-data: //p' %6$s | base64 -d >$admin.crt
                 sed -n 's/^ *client-key-data: //p' %6$s | base64 -d >$admin.key)
                # the HTTP status of a GET as the admin, empty while the API server does not answer
                status() {
                  printf 'GET %%s HTTP/1.0\\r\\n\\r\\n' "$1" | timeout 5 openssl s_client -quiet -connect 127.0.0.1:%3$d \\
                    -cert $admin.crt -key $admin.key 2>/dev/null | head -c 12 | cut -c 10-12
                }
                until (: </dev/tcp/127.0.0.1/%3$d) 2>/dev/null; do sleep 0.05; done
                # /readyz answers anyone; once it is 200 the API's own RBAC roles are in, so the binding takes one try
                until [ "$(status /readyz)" = 200 ]; do sleep 0.05; done
                # the admin kubeconfig's group becomes cluster-admin, as on every kindj cluster
                until kubectl create --raw=%4$s -f %5$s >/dev/null 2>&1 \\
                    || kubectl get --raw=%4$s/kubeadm:cluster-admins >/dev/null 2>&1; do
                  sleep 0.05
                done
                until [ "$(status /api/v1/namespaces/default)" = 200 ]; do sleep 0.05; done
                start kube-controller-manager
                touch %1$s
                echo "kindj: api-only node ready"
                wait -n
                echo "kindj: a component exited; the node stops (Docker restarts it)" >&2
                exit 1
                """.formatted(READY_MARKER, PkiPaths.SUPER_ADMIN_KUBECONFIG, ClusterPlan.API_SERVER_PORT, BINDINGS,
                CLUSTER_ADMINS_JSON, PkiPaths.ADMIN_KUBECONFIG);
    }

    /** kubectl's raw POST sends the file as it is, and the API takes it as JSON. */
    private static String json(String yaml) {
        try {
            return new ObjectMapper().writeValueAsString(new Yaml().load(yaml));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the cluster-admins binding cannot be written as JSON", e);
        }
    }
}
