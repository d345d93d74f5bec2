#!/usr/bin/env bash
# A second, newer Docker engine for tests of kindj against a remote engine: Debian's current
# docker.io (sid) unpacked beside the host's engine, never installed over it, running in a network
# namespace this script creates and reached only over TLS TCP on that namespace's address.
#
#   scripts/second-engine.sh start [classic|containerd]   start it (image store: classic graph
#                                                         drivers, or the containerd image store)
#   scripts/second-engine.sh restart                      stop and start it again, keeping everything (as
#                                                         `systemctl restart docker` does)
#   scripts/second-engine.sh stop                         stop it, remove its namespace, containers,
#                                                         volumes and networks; images stay cached
#   scripts/second-engine.sh purge                        stop, then remove the cached data roots
#   scripts/second-engine.sh env                          print DOCKER_HOST, DOCKER_TLS_VERIFY and
#                                                         DOCKER_CERT_PATH for clients of it
#
# Why each part:
# - network namespace + veth pair with a /30 of the benchmarking range 198.18.0.0/15: the engine's
#   bridges, iptables rules and published ports live in that namespace only; the host reaches it on
#   ENGINE_ADDRESS and nothing else routes there. The namespace has no default route, so nothing in
#   it can send traffic off the machine.
# - a private mount namespace with a sysfs of the network namespace (and the host's cgroup
#   hierarchies moved over it): the engine sees its own interfaces under /sys/class/net, and every
#   mount it makes (overlays, container rootfs) dies with it instead of leaking onto the host.
# - own data root, exec root, pid file, containerd (started by dockerd, state under the exec root),
#   containerd namespace and cgroup parent: nothing shared with the host's engine.
# - runc is the host's (Debian bookworm 1.1.5): sid's runc needs glibc 2.38, bookworm has 2.36.
#   dockerd, containerd and docker-proxy from sid run on bookworm's glibc.
set -euo pipefail

STATE=${KINDJ_SECOND_ENGINE_STATE:-/var/tmp/kindj-second-engine}
NETNS=kindj-second-engine
HOST_VETH=kindj-se-host
NS_VETH=kindj-se-ns
HOST_ADDRESS=198.18.75.1
ENGINE_ADDRESS=198.18.75.2
PORT=2376
RUN=/run/kindj-second-engine
SUITE=sid
PACKAGES=(docker.io containerd tini-static)

log() { echo "second-engine: $*" >&2; }

# The packages, fetched with a private apt state (the host's apt configuration stays untouched)
# and unpacked with dpkg-deb into $STATE/root.
fetch() {
    [[ -x $STATE/root/usr/sbin/dockerd ]] && return
    local apt=$STATE/apt
    mkdir -p "$apt/lists/partial" "$apt/archives/partial" "$apt/debs"
    echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian $SUITE main" \
        > "$apt/sources.list"
    local opts=(-o Dir::State="$apt" -o Dir::Cache="$apt" -o Dir::Etc::SourceList="$apt/sources.list"
        -o Dir::Etc::SourceParts=/nonexistent -o Acquire::Check-Valid-Until=false -o APT::Sandbox::User=root)
    log "fetching ${PACKAGES[*]} from Debian $SUITE"
    apt-get "${opts[@]}" -qq update
    (cd "$apt/debs" && apt-get "${opts[@]}" -qq download "${PACKAGES[@]}")
    rm -rf "$STATE/root.tmp" && mkdir -p "$STATE/root.tmp"
    for deb in "$apt"/debs/*.deb; do dpkg-deb -x "$deb" "$STATE/root.tmp"; done
    mkdir -p "$STATE/root.tmp/bin"
    ln -s ../usr/bin/tini-static "$STATE/root.tmp/bin/docker-init"
    mv "$STATE/root.tmp" "$STATE/root"
}

# A CA, a server certificate for ENGINE_ADDRESS and a client certificate, as DOCKER_CERT_PATH
# expects them (ca.pem, cert.pem, key.pem).
certificates() {
    local dir=$STATE/tls
    [[ -f $dir/cert.pem ]] && return
    rm -rf "$dir.tmp" && mkdir -p "$dir.tmp" && cd "$dir.tmp"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj /CN=kindj-second-engine-ca \
        -keyout ca-key.pem -out ca.pem 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=$ENGINE_ADDRESS" -keyout server-key.pem -out server.csr 2>/dev/null
    printf 'subjectAltName=IP:%s\nextendedKeyUsage=serverAuth\n' "$ENGINE_ADDRESS" > server.ext
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 3650 \
        -extfile server.ext -out server-cert.pem 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj /CN=client -keyout key.pem -out client.csr 2>/dev/null
    printf 'extendedKeyUsage=clientAuth\n' > client.ext
    openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 3650 \
        -extfile client.ext -out cert.pem 2>/dev/null
    chmod 0600 ./*key.pem
    cd - >/dev/null && mv "$dir.tmp" "$dir"
}

network() {
    ip netns add "$NETNS"
    ip link add "$HOST_VETH" type veth peer name "$NS_VETH"
    ip link set "$NS_VETH" netns "$NETNS"
    ip addr add "$HOST_ADDRESS/30" dev "$HOST_VETH"
    ip link set "$HOST_VETH" up
    ip -n "$NETNS" addr add "$ENGINE_ADDRESS/30" dev "$NS_VETH"
    ip -n "$NETNS" link set "$NS_VETH" up
    ip -n "$NETNS" link set lo up
}

daemon_config() {
    local store=$1
    local snapshotter=false
    [[ $store == containerd ]] && snapshotter=true
    cat <<EOF
{
  "data-root": "$STATE/data-$store",
  "exec-root": "$RUN/exec",
  "pidfile": "$RUN/dockerd.pid",
  "hosts": ["tcp://$ENGINE_ADDRESS:$PORT"],
  "tls": true,
  "tlsverify": true,
  "tlscacert": "$STATE/tls/ca.pem",
  "tlscert": "$STATE/tls/server-cert.pem",
  "tlskey": "$STATE/tls/server-key.pem",
  "containerd-namespace": "kindj-second-engine",
  "containerd-plugins-namespace": "kindj-second-engine-plugins",
  "cgroup-parent": "kindj-second-engine",
  "bip": "10.213.0.1/24",
  "default-address-pools": [{"base": "10.214.0.0/16", "size": 24}],
  "features": {"containerd-snapshotter": $snapshotter}
}
EOF
}

start() {
    local store=${1:-classic}
    [[ $store == classic || $store == containerd ]] || { log "image store must be classic or containerd"; exit 2; }
    if [[ -e /run/netns/$NETNS ]]; then
        log "already running (or left over): run '$0 stop' first"
        exit 1
    fi
    fetch
    certificates
    trap 'stop >/dev/null 2>&1 || true' ERR
    mkdir -p "$RUN" "$STATE/data-$store"
    daemon_config "$store" > "$RUN/daemon.json"
    echo "$store" > "$RUN/store"
    network
    launch "$store"
    trap - ERR
}

# dockerd (which starts its containerd) in the namespace, with the configuration in $RUN; waits until it answers.
launch() {
    local store=$1
    local path=$STATE/root/bin:$STATE/root/usr/sbin:$STATE/root/usr/bin:$PATH
    # setsid: the engine outlives this script and is not in its caller's process group.
    setsid nsenter --net="/run/netns/$NETNS" -- unshare --mount --propagation slave -- env PATH="$path" sh -c '
        mkdir -p "$1/cgroup" && mount --rbind /sys/fs/cgroup "$1/cgroup"
        mount -t sysfs sysfs /sys && mount --move "$1/cgroup" /sys/fs/cgroup
        exec dockerd --config-file "$1/daemon.json"' sh "$RUN" >> "$RUN/dockerd.log" 2>&1 < /dev/null &
    echo $! > "$RUN/launcher.pid"
    local deadline=$((SECONDS + 60))
    until docker_cmd version >/dev/null 2>&1; do
        if (( SECONDS > deadline )) || ! kill -0 "$(cat "$RUN/launcher.pid")" 2>/dev/null; then
            log "the engine did not start; its log:"
            tail -30 "$RUN/dockerd.log" >&2
            stop >/dev/null 2>&1 || true
            exit 1
        fi
        sleep 0.5
    done
    log "Docker $(docker_cmd version --format '{{.Server.Version}}') ($store image store) on tcp://$ENGINE_ADDRESS:$PORT"
}

docker_cmd() {
    DOCKER_HOST=tcp://$ENGINE_ADDRESS:$PORT DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH=$STATE/tls docker "$@"
}

# SIGTERM, as `systemctl stop docker` sends it: dockerd stops the running containers (their stop signal, then its
# shutdown timeout) and its containerd, and exits.
stop_daemon() {
    local pid
    # dockerd stops its containerd; a killed one leaves it behind, so it is named here too
    for file in "$RUN/dockerd.pid" "$RUN/launcher.pid" "$RUN/exec/containerd/containerd.pid"; do
        pid=$(cat "$file" 2>/dev/null) || continue
        kill "$pid" 2>/dev/null || continue
        for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$pid" 2>/dev/null || true
    done
}

# The engine stopped and started again, as a host's `systemctl restart docker` does: same namespace, data root and
# configuration, so images, containers, volumes and networks stay; containers come back by their restart policies.
restart() {
    if [[ ! -f $RUN/store ]]; then
        log "not running: run '$0 start' first"
        exit 1
    fi
    stop_daemon
    launch "$(cat "$RUN/store")"
}

stop() {
    if [[ -f $RUN/dockerd.pid ]] && docker_cmd version >/dev/null 2>&1; then
        # Containers, volumes and networks go; images stay in the data root as a cache.
        local ids
        ids=$(docker_cmd ps -aq)
        [[ -z $ids ]] || docker_cmd rm -f -v $ids >/dev/null
        docker_cmd volume prune -af >/dev/null 2>&1 || docker_cmd volume prune -f >/dev/null
        docker_cmd network prune -f >/dev/null
    fi
    stop_daemon
    ip link del "$HOST_VETH" 2>/dev/null || true
    ip netns del "$NETNS" 2>/dev/null || true
    rm -rf "$RUN"
}

case ${1:-} in
    start) start "${2:-classic}" ;;
    restart) restart ;;
    stop) stop ;;
    purge) stop; rm -rf "$STATE"/data-* ;;
    env) printf 'export DOCKER_HOST=tcp://%s:%s DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH=%s/tls\n' \
        "$ENGINE_ADDRESS" "$PORT" "$STATE" ;;
    *) echo "usage: $0 start [classic|containerd] | restart | stop | purge | env" >&2; exit 2 ;;
esac
