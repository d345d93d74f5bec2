package dev.kindj.internal.provision.bootstrap.components;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.pki.PkiPaths;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.PlannedNode;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * What an api-only node runs instead of systemd: one script, its container's command, that starts etcd,
 * kube-apiserver and kube-controller-manager with the same argument files a control plane's units use (etcd only
 * on the container's loopback), creates the admin group's binding, and prints {@link #READY_LINE} once the API is
 * ready and the admin kubeconfig is allowed in.
 */
public final class ApiOnlyFiles {

    public static final String SCRIPT = "/etc/kindj/api-only/run";
    /** The console line that says the API is ready and the admin kubeconfig allowed in; every start prints it anew. */
    public static final String READY_LINE = "kindj: api-only node ready";
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
        return List.of(
                EtcdFiles.loopbackOnly(node, ComponentFiles.etcdExtraArgs(plan, node, ETCD_DEFAULTS)),
                ApiServerFiles.withLoopbackEtcd(plan, node),
                ControllerManagerFiles.args(plan, node),
                NodeFile.text(CLUSTER_ADMINS_JSON, json(ClusterObjects.CLUSTER_ADMINS), NodeFile.PUBLIC),
                NodeFile.text(SCRIPT, script(), 0755));
    }

    /**
     * Start-up time is the point, on machines with few cores. etcd and the API server start at once (the API server
     * retries etcd); the controller-manager starts once the API is ready (as on a full control plane), so that it does
     * not slow the API server's own start. The waits cost little CPU, since they share the cores with the API server's
     * start: a bash TCP probe until it listens; then the binding, as the super-admin (system:masters, which RBAC does
     * not check), as soon as the API serves, while the API server still runs its post-start hooks; then {@code /readyz}
     * and the default namespace as the admin (what fabric8 kube-api-test waits for, with the admin kubeconfig's own
     * credentials, so they are proven allowed in), looked at every 50 ms over one kept-alive TLS connection (the image
     * has no curl; an openssl process per look cost ~50 ms of CPU, mostly its own start).
     */
    private static String script() {
        return """
                #!/bin/bash
                # kindj api-only node: etcd, kube-apiserver and kube-controller-manager, no systemd, no kubelet.
                # Each component's output goes to the container's console, each line prefixed with its name.
                set -u
                export LC_ALL=C
                trap 'trap - TERM INT; kill -TERM 0; wait; exit 0' TERM INT
                components=()
                start() { kindj-run "$1" 2>&1 | sed -u "s/^/$1: /" & components+=($!); }
                start etcd
                start kube-apiserver
                # a kubeconfig's credentials as files, for openssl: NAME KUBECONFIG
                credentials() {
                  (umask 077
                   sed -n 's/^ *client-certificate-data: //p' "$2" | base64 -d >/run/kindj-$1.crt
                   sed -n 's/^ *client-key-data: //p' "$2" | base64 -d >/run/kindj-$1.key)
                }
                credentials admin %2$s
                credentials super-admin %3$s
                # the HTTP status of a request, empty while the API server does not answer: AS METHOD PATH [JSON_FILE]
                status() {
                  { printf '%%s %%s HTTP/1.0\\r\\n' "$2" "$3"
                    if [ $# -gt 3 ]; then
                      printf 'Content-Type: application/json\\r\\nContent-Length: %%s\\r\\n\\r\\n' "$(stat -c %%s "$4")"
                      cat "$4"
                    else
                      printf '\\r\\n'
                    fi; } | timeout 5 openssl s_client -quiet -connect 127.0.0.1:%4$d \\
                      -cert /run/kindj-$1.crt -key /run/kindj-$1.key 2>/dev/null | head -c 12 | cut -c 10-12
                }
                until (: </dev/tcp/127.0.0.1/%4$d) 2>/dev/null; do sleep 0.05; done
                # the admin kubeconfig's group becomes cluster-admin, as on every kindj cluster (409: an earlier start's)
                until [[ $(status super-admin POST %5$s %6$s) =~ ^(201|409)$ ]]; do sleep 0.05; done
                # The looks for readiness go over one kept-alive connection as the admin: starting openssl costs
                # far more CPU than a request, and the looks share the cores with the API server's start.
                connect() {
                  coproc api { exec openssl s_client -quiet -connect 127.0.0.1:%4$d \\
                    -cert /run/kindj-admin.crt -key /run/kindj-admin.key 2>/dev/null; }
                }
                # sets code to the HTTP status of a GET on that connection, empty when the connection failed: PATH
                look() {
                  code=
                  local line length=0 chunked= size status in=${api[0]:-} out=${api[1]:-}
                  [ -n "$in" ] || return 0
                  printf 'GET %%s HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\n\\r\\n' "$1" >&"$out" 2>/dev/null || return 0
                  IFS= read -r -t 5 line <&"$in" || return 0
                  status=${line:9:3}
                  while IFS= read -r -t 5 line <&"$in"; do
                    line=${line%%$'\\r'}
                    [ -n "$line" ] || break
                    case ${line,,} in
                      content-length:*) length=${line//[!0-9]/} ;;
                      transfer-encoding:*chunked*) chunked=1 ;;
                    esac
                  done
                  if [ -n "$chunked" ]; then
                    while IFS= read -r -t 5 line <&"$in"; do
                      size=$((16#${line%%$'\\r'}))
                      read -r -N $((size + 2)) -t 5 _ <&"$in" || return 0
                      [ "$size" -gt 0 ] || break
                    done
                  elif [ "$length" -gt 0 ]; then
                    read -r -N "$length" -t 5 _ <&"$in" || return 0
                  fi
                  code=$status
                }
                # until the admin gets 200 for PATH
                await() {
                  until look "$1"; [ "$code" = 200 ]; do
                    [ -n "$code" ] || connect
                    sleep 0.05
                  done
                }
                connect
                await /readyz
                await /api/v1/namespaces/default
                kill "$api_PID" 2>/dev/null
                start kube-controller-manager
                echo "%1$s"
                wait -n "${components[@]}"
                echo "kindj: a component exited; the node stops (Docker restarts it)" >&2
                exit 1
                """.formatted(READY_LINE, PkiPaths.ADMIN_KUBECONFIG, PkiPaths.SUPER_ADMIN_KUBECONFIG,
                ClusterPlan.API_SERVER_PORT, BINDINGS, CLUSTER_ADMINS_JSON);
    }

    /** The script POSTs the file as it is, and the API takes it as JSON. */
    private static String json(String yaml) {
        try {
            return new ObjectMapper().writeValueAsString(new Yaml().load(yaml));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the cluster-admins binding cannot be written as JSON", e);
        }
    }
}
