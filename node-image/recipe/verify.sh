#!/usr/bin/env bash
# verify.sh IMAGE: starts one node container from IMAGE with the provider's run flags and checks
# what a kindj node must do on this kind of host. Prints PASS/FAIL per check and a closing
# "N passed, M failed" line; exits 1 when any check failed, 2 on bad usage. Removes everything
# it created (container, anonymous volume, network).
set -uo pipefail
image=${1:?usage: verify.sh IMAGE}
# PAUSE_IMAGE, COREDNS_IMAGE, LOCAL_PATH_IMAGE, LOCAL_PATH_HELPER_IMAGE, METALLB_*_IMAGE
source "$(dirname "${BASH_SOURCE[0]}")/images.env"
coredns_version=${COREDNS_IMAGE##*:v}
docker image inspect "$image" >/dev/null 2>&1 || { echo "no such image: $image" >&2; exit 2; }
version=$(docker image inspect -f '{{index .Config.Labels "dev.kindj.kubernetes-version"}}' "$image")
name=kindj-verify-$$
passed=0 failed=0
pass() { echo "PASS: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }
in_node() { docker exec "$name" "$@"; }
count_inotify() { in_node sh -c 'ls -l /proc/[0-9]*/fd 2>/dev/null | grep -c inotify'; }
cleanup() { docker rm -fv "$name" >/dev/null 2>&1; docker network rm "$name" >/dev/null 2>&1; }
trap cleanup EXIT

# Host-global sysctls the node must not change (see kindj-entrypoint).
sysctls="kernel/panic kernel/panic_on_oops vm/overcommit_memory vm/panic_on_oom kernel/keys/root_maxkeys
  kernel/keys/root_maxbytes fs/nr_open fs/file-max fs/inotify/max_user_instances fs/inotify/max_user_watches"
host_sysctls() { for s in $sysctls; do printf '%s=%s ' "$s" "$(cat /proc/sys/$s 2>/dev/null)"; done; }
before=$(host_sysctls)

# The provider's run flags (a user-defined network, as clusters use: Docker's DNS is there).
docker network create "$name" >/dev/null
docker run -d --name "$name" --hostname "$name" --network "$name" --cgroupns=private \
  --cap-add ALL --cap-drop SYS_RESOURCE --security-opt seccomp=unconfined \
  --security-opt apparmor=unconfined --security-opt systempaths=unconfined --device /dev/kmsg \
  --tmpfs /run --tmpfs /tmp -v /var --restart on-failure:1 --network-alias "$name-alias" \
  $([[ -d /lib/modules ]] && echo -v /lib/modules:/lib/modules:ro) "$image" >/dev/null \
  || { echo "FAIL: docker run"; echo "0 passed, 1 failed"; exit 1; }

wait_running() { # systemd reaches "running"; "degraded" lists the failed units
  local state t0=$SECONDS
  for _ in $(seq 120); do
    state=$(in_node systemctl is-system-running 2>/dev/null)
    case $state in running) echo "INFO: running after $((SECONDS - t0))s"; return 0 ;; degraded) break ;; esac
    sleep 0.5
  done
  echo "  state: ${state:-unknown}"; in_node systemctl --failed --no-legend --no-pager | sed 's/^/  /'
  return 1
}
check "systemd boots to running" wait_running

check "containerd answers (ctr version)" in_node ctr version
pinned() { in_node ctr -n k8s.io images ls | grep -F "$1 " | grep -q 'io.cri-containerd.pinned=pinned'; }
for preloaded in "$PAUSE_IMAGE" "$COREDNS_IMAGE" "$LOCAL_PATH_IMAGE" "$LOCAL_PATH_HELPER_IMAGE" \
  "$METALLB_CONTROLLER_IMAGE" "$METALLB_SPEAKER_IMAGE"; do
  check "$preloaded preloaded and pinned" pinned "$preloaded"
done
check "MetalLB's IPAddressPool CRD is in /kindj/metallb-crds.yaml" \
  sh -c "docker exec $name cat /kindj/metallb-crds.yaml | grep -qx '  name: ipaddresspools.metallb.io'"
# the configuration containerd runs with (it converts the file's version 2 to its version 3)
check "containerd's sandbox image is $PAUSE_IMAGE" \
  sh -c "docker exec $name containerd config dump | grep -qF \"sandbox = '$PAUSE_IMAGE'\""
# kind's registry layout (certs.d/<host>/hosts.toml), as loaded, not only as written
check "containerd reads registry hosts from /etc/containerd/certs.d" \
  sh -c "docker exec $name containerd config dump | grep -qF \"config_path = '/etc/containerd/certs.d'\""
check "/kindj/version is $version" test "$(in_node cat /kindj/version)" = "$version"
for c in kubelet kube-apiserver kube-controller-manager kube-scheduler kube-proxy; do
  check "$c --version prints $version" sh -c "docker exec $name $c --version | grep -qw -- '$version'"
done
check "kubectl version --client prints $version" sh -c "docker exec $name kubectl version --client | grep -qw -- '$version'"

# etcd through its gated unit, on 127.0.0.1 only
in_node sh -c 'mkdir -p /etc/kindj/args && printf "%s\n" --name=verify --data-dir=/var/lib/etcd/verify \
  --listen-client-urls=http://127.0.0.1:2379 --advertise-client-urls=http://127.0.0.1:2379 \
  --listen-peer-urls=http://127.0.0.1:2380 > /etc/kindj/args/etcd && systemctl start etcd'
etcd_healthy() {
  for _ in $(seq 40); do
    in_node etcdctl --endpoints=http://127.0.0.1:2379 endpoint health >/dev/null 2>&1 && return 0
    sleep 0.25
  done
  return 1
}
check "etcd starts and answers its health endpoint" etcd_healthy
restarts_after_kill() {
  local old new t0=$SECONDS
  old=$(in_node systemctl show -p MainPID --value etcd)
  in_node kill -9 "$old"
  for _ in $(seq 20); do
    sleep 0.25
    new=$(in_node systemctl show -p MainPID --value etcd)
    [[ $new != 0 && $new != "$old" ]] && etcd_healthy && { echo "INFO: etcd back after $((SECONDS - t0))s"; return 0; }
  done
  return 1
}
check "etcd killed with -9 is back and healthy" restarts_after_kill

nested() {
  in_node ctr -n k8s.io run -d "$PAUSE_IMAGE" verify-pause >/dev/null &&
  sleep 1 && in_node ctr -n k8s.io tasks ls | grep -q 'verify-pause .*RUNNING' &&
  in_node ctr -n k8s.io tasks kill verify-pause && sleep 1 &&
  in_node ctr -n k8s.io containers rm verify-pause
}
check "containerd runs the pause image nested" nested
check "pause binary reports its tag" sh -c "docker exec $name ctr -n k8s.io run --rm $PAUSE_IMAGE verify-pause-version /pause -v | grep -qxF 'kindj pause ${PAUSE_IMAGE##*:}'"
check "CoreDNS binary runs nested" sh -c "docker exec $name ctr -n k8s.io run --rm $COREDNS_IMAGE verify-dns /coredns -version | grep -qF 'CoreDNS-$coredns_version'"

# The kubelet with the image's cgroup driver runs a static pod (standalone, no API server).
driver=$(in_node cat /etc/kindj/cgroup-driver)
in_node sh -c "mkdir -p /etc/kubernetes/verify-manifests && cat > /etc/kindj/verify-kubelet.yaml <<EOF
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
cgroupDriver: $driver
failCgroupV1: false
containerRuntimeEndpoint: unix:///run/containerd/containerd.sock
staticPodPath: /etc/kubernetes/verify-manifests
authentication: {anonymous: {enabled: true}, webhook: {enabled: false}}
authorization: {mode: AlwaysAllow}
EOF
cat > /etc/kubernetes/verify-manifests/pod.yaml <<EOF
apiVersion: v1
kind: Pod
metadata: {name: verify, namespace: default}
spec:
  hostNetwork: true
  containers:
  - {name: c, image: $PAUSE_IMAGE, imagePullPolicy: Never}
EOF
echo --config=/etc/kindj/verify-kubelet.yaml > /etc/kindj/args/kubelet && systemctl start kubelet"
static_pod() {
  for _ in $(seq 60); do
    in_node ctr -n k8s.io containers ls --quiet 'labels."io.kubernetes.container.name"==c' | grep -q . && return 0
    sleep 0.5
  done
  return 1
}
check "kubelet ($driver cgroup driver) runs a static pod" static_pod
echo "INFO: inotify instances in the node with the kubelet running: $(count_inotify)"
in_node sh -c 'systemctl stop kubelet; rm -f /etc/kindj/args/kubelet'

# Host-global sysctls: written inside the node, unchanged on the host.
in_node sh -c 'for s in kernel/panic kernel/panic_on_oops vm/overcommit_memory vm/panic_on_oom; do
  echo 1 > /proc/sys/$s; done; echo 10 > /proc/sys/kernel/panic' 2>/dev/null
check "node keeps its own kernel.panic (10)" test "$(in_node cat /proc/sys/kernel/panic)" = 10
# Other host-global entries are read-only: write the current value back (a no-op if it got through).
check "host-global fs.inotify.max_user_instances is read-only in the node" \
  sh -c "! docker exec $name sh -c 'cat /proc/sys/fs/inotify/max_user_instances > /tmp/v && cat /tmp/v > /proc/sys/fs/inotify/max_user_instances' 2>/dev/null"
check "per-namespace net.ipv4.ip_forward is writable in the node" \
  in_node sh -c 'echo 1 > /proc/sys/net/ipv4/ip_forward && test "$(cat /proc/sys/net/ipv4/ip_forward)" = 1'
check "host sysctls unchanged after writes in the node" test "$(host_sysctls)" = "$before"

# DNS: the node IP answers on :53 for the node and for another network namespace (as a pod).
# The network alias is known to Docker's DNS only (the container's own name is in /etc/hosts).
ip=$(docker inspect -f "{{(index .NetworkSettings.Networks \"$name\").IPAddress}}" "$name")
check "resolv.conf names the node IP ($ip)" sh -c "docker exec $name cat /etc/resolv.conf | grep -qx 'nameserver $ip'"
check "node resolves its network alias via $ip" in_node getent hosts "$name-alias"
pod_dns() {
  in_node sh -ec 'ip netns add verify; ip link add vfy0 type veth peer name vfy1; ip link set vfy1 netns verify
    ip addr add 10.250.250.1/30 dev vfy0; ip link set vfy0 up
    ip netns exec verify ip addr add 10.250.250.2/30 dev vfy1; ip netns exec verify ip link set vfy1 up
    ip netns exec verify ip route add default via 10.250.250.1'
  in_node ip netns exec verify getent hosts "$name-alias"; local rc=$?
  in_node sh -c 'ip netns del verify; ip link del vfy0' 2>/dev/null
  return $rc
}
check "a separate network namespace resolves names via the node IP" pod_dns

echo "INFO: inotify instances in the node without the kubelet: $(count_inotify)"

# docker restart: systemd again, etcd back by itself (its args file persists), mounts redone.
docker restart "$name" >/dev/null
check "systemd back to running after docker restart" wait_running
check "etcd starts by itself after docker restart" etcd_healthy
in_node sh -c 'echo 10 > /proc/sys/kernel/panic; echo 1 > /proc/sys/vm/overcommit_memory' 2>/dev/null
check "host sysctls unchanged after writes following the restart" test "$(host_sysctls)" = "$before"
ip=$(docker inspect -f "{{(index .NetworkSettings.Networks \"$name\").IPAddress}}" "$name")
check "DNS via the node IP after restart" sh -c "docker exec $name cat /etc/resolv.conf | grep -qx 'nameserver $ip' && docker exec $name getent hosts $name-alias >/dev/null"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
