#!/usr/bin/env bash
# Builds a kindj node image: Debian trixie + systemd + containerd/runc/etcd from sid + the
# Kubernetes binaries + preloaded, pinned pause and CoreDNS images. Nothing is pulled from a
# container registry: every image starts from debootstrap or FROM scratch.
#
# build.sh --kubernetes-version vX.Y.Z --image NAME:TAG [--source modules|release|dir:PATH]
#          [--base-image IMAGE] [--cache-dir DIR] [--quiet]
#
# Progress: lines "[step] message (Ns)" on stdout, N = seconds since start. Tool output goes to
# a log file, whose tail is printed on failure. Exit codes: 2 bad input, 3 a source cannot be
# reached, 1 anything else. The image is built under temporary tags and tagged NAME:TAG only
# at the very end; temporaries are removed on failure. An image already tagged NAME:TAG with
# the same inputs (label dev.kindj.build-hash) is kept as is.
set -euo pipefail

recipe=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
started=$SECONDS
# PAUSE_IMAGE, COREDNS_IMAGE, LOCAL_PATH_IMAGE, LOCAL_PATH_HELPER_IMAGE, METALLB_*_IMAGE
source "$recipe/images.env"
COREDNS_VERSION=${COREDNS_IMAGE##*:}
LOCAL_PATH_VERSION=${LOCAL_PATH_IMAGE##*:}
K8S_BINARIES=(kube-apiserver kube-controller-manager kube-scheduler kubelet kube-proxy kubectl)

version='' image='' source=modules base_image='' cache=${HOME:-/root}/.cache/kindj quiet=''
usage() { sed -n '6,7p' "$0" | sed 's/^# //' >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case $1 in
    --kubernetes-version) version=${2:-}; shift 2 || usage ;;
    --image) image=${2:-}; shift 2 || usage ;;
    --source) source=${2:-}; shift 2 || usage ;;
    --base-image) base_image=${2:-}; shift 2 || usage ;;
    --cache-dir) cache=${2:-}; shift 2 || usage ;;
    --quiet) quiet=1; shift ;;
    -h|--help) usage ;;
    *) echo "unknown argument: $1" >&2; usage ;;
  esac
done

# ---- output, failure and cleanup ----------------------------------------------------------
say() { [[ $quiet ]] || printf '[%s] %s (%ss)\n' "$1" "$2" "$((SECONDS - started))"; }
die() { local code=$1; shift; echo "build.sh: $*" >&2; exit "$code"; }
work=$(mktemp -d "${TMPDIR:-/tmp}/kindj-build.XXXXXX")
log=$work/build.log
id=kindj-build-$$
temp_images=() temp_containers=() temp_volumes=()
cleanup() {
  local rc=$?
  for c in "${temp_containers[@]}"; do docker rm -fv "$c" >/dev/null 2>&1 || true; done
  for v in "${temp_volumes[@]}"; do docker volume rm -f "$v" >/dev/null 2>&1 || true; done
  for i in "${temp_images[@]}"; do docker rmi "$i" >/dev/null 2>&1 || true; done
  rm -f "$cache"/images/*."$$" "$cache"/preload/*."$$" 2>/dev/null || true
  if [[ $rc -ne 0 && -s $log ]]; then
    echo "build.sh: failed (exit $rc); last lines of the log:" >&2
    tail -n 25 "$log" >&2
  fi
  # An interrupted debootstrap may leave proc/sys mounted in its target: never recurse into them.
  awk -v w="$work/" 'index($5, w) == 1 { print $5 }' /proc/self/mountinfo | sort -r |
    while read -r m; do umount -l "$m" 2>/dev/null || true; done
  rm -rf --one-file-system "$work" 2>/dev/null || true
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# run STEP CMD...: runs CMD with its output in the log; lines it prints starting with "[" are
# progress and are shown with the elapsed time.
run() {
  local step=$1; shift
  echo "+ $*" >> "$log"
  "$@" 2>&1 | while IFS= read -r line; do
    echo "$line" >> "$log"
    if [[ $line == \[* ]]; then [[ $quiet ]] || printf '%s (%ss)\n' "$line" "$((SECONDS - started))"; fi
  done
  local rc=${PIPESTATUS[0]}
  [[ $rc -eq 0 ]] || { echo "[$step] failed: $*" >> "$log"; return "$rc"; }
}
hash_of() { cat "$@" | sha256sum | cut -c1-16; }
image_exists() { docker image inspect "$1" >/dev/null 2>&1; }
timings=()
mark() { timings+=("$1 $(($SECONDS - ${2}))s"); }

# ---- input checks (fast, before any work) --------------------------------------------------
[[ $version ]] || die 2 "--kubernetes-version is required (e.g. v1.35.4)"
[[ $version =~ ^v1\.[0-9]+\.[0-9]+$ ]] || die 2 "not a Kubernetes release version: $version (expected v1.MINOR.PATCH)"
[[ $image ]] || die 2 "--image is required (e.g. kindj/node:v1.35.4)"
[[ $image =~ ^[a-z0-9]+([._/-]+[a-z0-9]+|:[0-9]+/)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?$ ]] || die 2 "not a valid image name: $image"
case $source in
  modules|release) ;;
  dir:*) bindir=${source#dir:}
    [[ -d $bindir ]] || die 2 "--source $source: directory $bindir does not exist"
    for b in "${K8S_BINARIES[@]}"; do
      [[ -x $bindir/$b ]] || die 2 "--source $source: $bindir/$b is missing (need ${K8S_BINARIES[*]})"
    done ;;
  *) die 2 "unknown --source $source (modules, release or dir:PATH)" ;;
esac
command -v docker >/dev/null || die 1 "docker is not installed"
docker version >/dev/null 2>&1 || die 1 "the Docker engine does not answer (is dockerd running?)"
if [[ $base_image ]] && ! image_exists "$base_image"; then
  die 2 "--base-image $base_image is not in the local Docker image store (nothing is pulled)"
fi
mkdir -p "$cache"
cache=$(cd "$cache" && pwd)
say start "kindj node image $image for Kubernetes $version (source $source, log $log)"

# ---- Go: the host's go when new enough, else a builder container (Debian sid golang) ----------
go_mode=container
go_modcache=${GOMODCACHE:-} go_cache=${GOCACHE:-}
if command -v go >/dev/null; then
  go_modcache=$(go env GOMODCACHE) go_cache=$(go env GOCACHE)
fi
go_modcache=${go_modcache:-${HOME:-/root}/go/pkg/mod} go_cache=${go_cache:-${HOME:-/root}/.cache/go-build}
mkdir -p "$go_modcache" "$go_cache"

# A Debian sid rootfs with golang-go, made by debootstrap (nothing can be pulled); sets $builder.
builder=
builder_image() {
  local t0=$SECONDS
  builder=kindj/go-builder:$(echo "sid golang-go ca-certificates v1" | hash_of /dev/stdin)
  image_exists "$builder" && return 0
  [[ $(id -u) -eq 0 ]] || die 1 "no Go >= $need_go on this host, and building the Go builder image needs debootstrap as root"
  command -v debootstrap >/dev/null || die 1 "no Go >= $need_go on this host, and debootstrap (for the Go builder image) is not installed"
  say go "building $builder (debootstrap sid minbase + golang-go)"
  run go debootstrap --variant=minbase --include=golang-go,ca-certificates sid "$work/builder" ${KINDJ_DEBIAN_MIRROR:-} \
    || die 3 "debootstrap of the Go builder failed (Debian mirror unreachable?)"
  tar -C "$work/builder" -c . | docker import - "$builder" >> "$log"
  rm -rf "$work/builder"
  mark go-builder $t0
}
# go_run CMD...: runs a script that uses go, on the host or in the builder container, with the
# host's module and build caches and GOPROXY/GOFLAGS/GONOSUMDB/GOSUMDB/GOPRIVATE passed on.
go_run() {
  if [[ $go_mode == host ]]; then
    GOTOOLCHAIN=local "$@"
  else
    docker run --rm --user "$(id -u):$(id -g)" -e HOME=/tmp -e GOTOOLCHAIN=local \
      -e GOMODCACHE="$go_modcache" -e GOCACHE="$go_cache" \
      -e GOPROXY -e GOFLAGS -e GONOSUMDB -e GOSUMDB -e GOPRIVATE -e GONOPROXY -e GOINSECURE \
      -v "$go_modcache:$go_modcache" -v "$go_cache:$go_cache" -v "$recipe:$recipe:ro" \
      -v "$host_ca:/etc/ssl/certs/ca-certificates.crt:ro" \
      -v "$cache:$cache" -v "$work:$work" -w "$work" "$builder" "$@"
  fi
}
# The host's CA bundle goes into the builder: a host may reach the proxy through a TLS
# intercepting proxy whose CA only the host trusts (seen here: "x509: certificate signed by
# unknown authority" with Debian's stock bundle).
host_ca=${SSL_CERT_FILE:-/etc/ssl/certs/ca-certificates.crt}
version_ge() { [[ $(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1) == "$2" ]]; }

t0=$SECONDS
need_go=1.25.0 # Kubernetes 1.35's go directive; the probe below reads the real one
if [[ $source == modules ]] && command -v go >/dev/null; then
  # Also tells an unknown version (exit 2) from an unreachable proxy (exit 3), quickly.
  need_go=$(GOTOOLCHAIN=local "$recipe/build-kubernetes.sh" --probe "$version" 2>>"$log") || {
    exit $?; }
fi
host_go=$(GOTOOLCHAIN=local go env GOVERSION 2>/dev/null | sed 's/^go//') || host_go=
if [[ $host_go ]] && version_ge "$host_go" "$need_go"; then
  go_mode=host
  say go "using the host's Go $host_go (Kubernetes $version needs >= $need_go)"
else
  builder_image
  go_mode=container
  say go "using Go from $builder${host_go:+ (host Go $host_go is older than $need_go)}"
  if [[ $source == modules ]]; then
    need_go=$(go_run "$recipe/build-kubernetes.sh" --probe "$version" 2>>"$log") || {
      exit $?; }
  fi
fi

# ---- Kubernetes binaries -----------------------------------------------------------------
t0=$SECONDS
complete_marker=.kindj-complete
case $source in
  modules)
    kdir=$cache/kubernetes/$version
    if [[ -f $kdir/$complete_marker ]]; then
      say kubernetes "reusing $kdir"
    else
      say kubernetes "compiling $version from the Go module proxy (about 7 min on 2 cores with a cold Go build cache)"
      rm -rf "$kdir" "$kdir.partial"
      run kubernetes go_run "$recipe/build-kubernetes.sh" "$version" "$kdir.partial" || die 1 "compiling Kubernetes $version failed"
      (cd "$kdir.partial" && sha256sum "${K8S_BINARIES[@]}" > "$complete_marker")
      mv "$kdir.partial" "$kdir"
    fi ;;
  release)
    kdir=$cache/kubernetes/$version-release
    base_url=${KINDJ_RELEASE_URL:-https://dl.k8s.io/release}/$version/bin/linux/amd64
    if [[ -f $kdir/$complete_marker ]]; then
      say kubernetes "reusing $kdir"
    else
      say kubernetes "downloading $version release binaries from $base_url"
      # One quick probe first, so an unreachable site fails in seconds, not after retries.
      curl -fsSI --connect-timeout 5 --max-time 20 -o /dev/null "$base_url/kubelet.sha256" 2>>"$log" \
        || die 3 "the Kubernetes download site ($base_url) is unreachable; build from the Go module proxy instead with --source modules"
      rm -rf "$kdir.partial"; mkdir -p "$kdir.partial"
      for b in "${K8S_BINARIES[@]}"; do
        curl -fsSL --connect-timeout 5 --retry 2 -o "$kdir.partial/$b.sha256" "$base_url/$b.sha256" 2>>"$log" \
          || die 3 "downloading $base_url/$b.sha256 failed; try --source modules"
        curl -fsSL --connect-timeout 5 --retry 2 -o "$kdir.partial/$b" "$base_url/$b" 2>>"$log" \
          || die 3 "downloading $base_url/$b failed; try --source modules"
        echo "$(cat "$kdir.partial/$b.sha256")  $kdir.partial/$b" | sha256sum -c --quiet - >> "$log" 2>&1 \
          || die 1 "sha256 mismatch for $b downloaded from $base_url"
        chmod +x "$kdir.partial/$b"; rm "$kdir.partial/$b.sha256"
      done
      (cd "$kdir.partial" && sha256sum "${K8S_BINARIES[@]}" > "$complete_marker")
      rm -rf "$kdir"; mv "$kdir.partial" "$kdir"
    fi ;;
  dir:*) kdir=$(cd "$bindir" && pwd); say kubernetes "taking the binaries from $kdir" ;;
esac
got=$("$kdir/kubelet" --version 2>/dev/null | awk '{print $2}') || got=
[[ $got == "$version" ]] || die 2 "$kdir/kubelet reports version '${got:-nothing}', not $version"
mark kubernetes $t0

# ---- base image: debootstrap trixie minbase + packages, cached by its inputs ----------------
t0=$SECONDS
base_inputs=("$recipe/base/packages-trixie.txt" "$recipe/base/packages-sid.txt" "$recipe/base/Dockerfile" "$recipe/base/dpkg-nodoc")
if [[ $base_image ]]; then
  from_id=$(docker image inspect -f '{{.Id}}' "$base_image")
  base_tag=kindj/node-base:$( (cat "${base_inputs[@]}"; echo "$from_id") | hash_of /dev/stdin)
else
  base_tag=kindj/node-base:$( (cat "${base_inputs[@]}"; echo "trixie minbase ${KINDJ_DEBIAN_MIRROR:-}") | hash_of /dev/stdin)
fi
if image_exists "$base_tag"; then
  say base "reusing $base_tag"
else
  from=$base_image
  if [[ ! $from ]]; then
    [[ $(id -u) -eq 0 ]] || die 1 "debootstrap needs root; run as root or pass --base-image"
    command -v debootstrap >/dev/null || die 1 "debootstrap is not installed (apt-get install debootstrap) and no --base-image given"
    say base "debootstrap trixie minbase with $(grep -vc '^#' "$recipe/base/packages-trixie.txt") packages"
    include=$(grep -v '^#' "$recipe/base/packages-trixie.txt" | paste -sd, -)
    run base debootstrap --variant=minbase --include="$include" trixie "$work/rootfs" ${KINDJ_DEBIAN_MIRROR:-} \
      || die 3 "debootstrap failed (is the Debian mirror reachable? see the log)"
    # No documentation in the image, from here on too (dpkg-nodoc).
    (cd "$work/rootfs/usr/share" && find doc -mindepth 2 ! -name copyright ! -type d -delete 2>/dev/null
     rm -rf man/* info/* locale/* lintian/*)
    rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*
    from=$id-rootfs:latest
    say base "importing the rootfs into Docker"
    temp_images+=("$from")
    tar -C "$work/rootfs" -c . | docker import - "$from" >> "$log"
    rm -rf "$work/rootfs"
  fi
  say base "installing containerd, runc, etcd and CNI plugins from sid (apt pinning)"
  run base docker build --force-rm --build-arg FROM="$from" ${KINDJ_DEBIAN_MIRROR:+--build-arg DEBIAN_MIRROR=$KINDJ_DEBIAN_MIRROR} \
    -t "$base_tag" "$recipe/base" || die 1 "installing the packages failed"
fi
mark base $t0

# ---- pause and CoreDNS images (saved as tar files in the cache) ------------------------------
mkdir -p "$cache/images"
t0=$SECONDS
pause_version=${PAUSE_IMAGE##*:}
pause_tar=$cache/images/pause-$pause_version-$(hash_of "$recipe/pause/pause.c" "$recipe/pause/Dockerfile").tar
if [[ -f $pause_tar ]]; then
  say pause "reusing $pause_tar"
else
  say pause "compiling the pause program (gcc -static) and building $PAUSE_IMAGE FROM scratch"
  mkdir -p "$work/pause"; cp "$recipe/pause/Dockerfile" "$work/pause/"
  if ! gcc -static -Os -s "-DPAUSE_VERSION=\"$pause_version\"" -o "$work/pause/pause" "$recipe/pause/pause.c" >> "$log" 2>&1; then
    # No static-capable gcc here: compile in a throwaway container from the node base image.
    say pause "no static gcc on this host: compiling in a container"
    run pause docker run --rm -e PAUSE_VERSION="$pause_version" -v "$recipe/pause:/src:ro" -v "$work/pause:/out" "$base_tag" sh -c \
      'apt-get -o Acquire::Check-Valid-Until=false -q update && apt-get install -y -q gcc libc6-dev >/dev/null && gcc -static -Os -s "-DPAUSE_VERSION=\"$PAUSE_VERSION\"" -o /out/pause /src/pause.c' \
      || die 1 "compiling pause failed"
  fi
  temp_images+=("$id-pause:latest")
  run pause docker build --force-rm -t "$id-pause:latest" "$work/pause" || die 1 "building the pause image failed"
  docker save -o "$pause_tar.$$" "$id-pause:latest" >> "$log" 2>&1 && mv "$pause_tar.$$" "$pause_tar" \
    || die 1 "saving the pause image failed"
fi
mark pause $t0

t0=$SECONDS
coredns_tar=$cache/images/coredns-$COREDNS_VERSION-$(hash_of "$recipe/coredns/Dockerfile" "$recipe/build-go-binary.sh").tar
if [[ -f $coredns_tar ]]; then
  say coredns "reusing $coredns_tar"
else
  say coredns "compiling CoreDNS $COREDNS_VERSION from the Go module proxy (CGO off; minutes when the Go cache is cold)"
  mkdir -p "$work/coredns"; cp "$recipe/coredns/Dockerfile" "$work/coredns/"
  run coredns go_run "$recipe/build-go-binary.sh" "github.com/coredns/coredns@$COREDNS_VERSION" "$work/coredns/coredns" \
    "-X github.com/coredns/coredns/coremain.GitCommit=$COREDNS_VERSION" || die 1 "compiling CoreDNS failed"
  # The CA bundle of the node's Debian base, so CoreDNS can forward over TLS.
  docker run --rm --entrypoint cat "$base_tag" /etc/ssl/certs/ca-certificates.crt > "$work/coredns/ca-certificates.crt" \
    || die 1 "reading the CA bundle of $base_tag failed"
  temp_images+=("$id-coredns:latest")
  run coredns docker build --force-rm -t "$id-coredns:latest" "$work/coredns" || die 1 "building the CoreDNS image failed"
  docker save -o "$coredns_tar.$$" "$id-coredns:latest" >> "$log" 2>&1 && mv "$coredns_tar.$$" "$coredns_tar" \
    || die 1 "saving the CoreDNS image failed"
fi
mark coredns $t0

# ---- storage: local-path-provisioner and its helper, for the default StorageClass -------------
t0=$SECONDS
local_path_tar=$cache/images/local-path-$LOCAL_PATH_VERSION-$(hash_of "$recipe/local-path/Dockerfile" "$recipe/build-go-binary.sh").tar
local_path_helper_tar=$cache/images/local-path-helper-$(hash_of "$recipe/local-path/helper.Dockerfile").tar
if [[ -f $local_path_tar && -f $local_path_helper_tar ]]; then
  say storage "reusing $local_path_tar and $local_path_helper_tar"
else
  say storage "compiling local-path-provisioner $LOCAL_PATH_VERSION from the Go module proxy; helper from Debian's busybox-static"
  mkdir -p "$work/local-path" "$work/local-path-helper"
  cp "$recipe/local-path/Dockerfile" "$work/local-path/"
  cp "$recipe/local-path/helper.Dockerfile" "$work/local-path-helper/Dockerfile"
  run storage go_run "$recipe/build-go-binary.sh" "github.com/rancher/local-path-provisioner@$LOCAL_PATH_VERSION" \
    "$work/local-path/local-path-provisioner" "-X main.VERSION=$LOCAL_PATH_VERSION" || die 1 "compiling local-path-provisioner failed"
  run storage docker run --rm -v "$work/local-path-helper:/out" "$base_tag" sh -ec \
    'apt-get -o Acquire::Check-Valid-Until=false -q update && cd /tmp && apt-get download -q busybox-static && dpkg-deb -x busybox-static_*.deb pkg && cp pkg/usr/bin/busybox /out/' \
    || die 3 "downloading Debian's busybox-static failed (is the Debian mirror reachable?)"
  temp_images+=("$id-local-path:latest" "$id-local-path-helper:latest")
  run storage docker build --force-rm -t "$id-local-path:latest" "$work/local-path" || die 1 "building the local-path-provisioner image failed"
  run storage docker build --force-rm -t "$id-local-path-helper:latest" "$work/local-path-helper" || die 1 "building the local-path helper image failed"
  docker save -o "$local_path_tar.$$" "$id-local-path:latest" >> "$log" 2>&1 && mv "$local_path_tar.$$" "$local_path_tar" \
    || die 1 "saving the local-path-provisioner image failed"
  docker save -o "$local_path_helper_tar.$$" "$id-local-path-helper:latest" >> "$log" 2>&1 \
    && mv "$local_path_helper_tar.$$" "$local_path_helper_tar" || die 1 "saving the local-path helper image failed"
fi
mark storage $t0

# ---- LoadBalancer Services: MetalLB's controller and speaker, and its CRDs --------------------
# Compiled in metallb/'s module, with frr-k8s put together as its go.mod says; the CRDs are
# MetalLB's generated ones from the Go module cache, applied by kindj when a cluster is created.
t0=$SECONDS
METALLB_VERSION=${METALLB_CONTROLLER_IMAGE##*:}
FRR_K8S_VERSION=v0.0.21
grep -qx "require go.universe.tf/metallb $METALLB_VERSION" "$recipe/metallb/go.mod" \
  || die 1 "metallb/go.mod must require go.universe.tf/metallb $METALLB_VERSION, the tag of the MetalLB images in images.env"
metallb_files=$cache/images/metallb-$METALLB_VERSION-$( (cat "$recipe"/metallb/* "$recipe/build-go-binary.sh"; echo "$FRR_K8S_VERSION") | hash_of /dev/stdin)
if [[ -f $metallb_files-controller.tar && -f $metallb_files-speaker.tar && -f $metallb_files-crds.yaml ]]; then
  say metallb "reusing $metallb_files-*"
else
  say metallb "compiling MetalLB $METALLB_VERSION's controller and speaker from the Go module proxy (CGO off)"
  module_dir() { go_run go mod download -json "$1" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p'; }
  src=$work/metallb-src
  mkdir -p "$src"; cp "$recipe/metallb/go.mod" "$recipe/metallb/go.sum" "$recipe/metallb/tools.go" "$src/"
  frr_k8s=$(module_dir "github.com/metallb/frr-k8s@$FRR_K8S_VERSION") && [[ $frr_k8s ]] \
    || die 3 "downloading github.com/metallb/frr-k8s@$FRR_K8S_VERSION from the Go module proxy failed"
  cp -r "$frr_k8s" "$src/frr-k8s"; chmod -R u+w "$src/frr-k8s"
  types=$src/frr-k8s/api/v1beta1/frrconfiguration_types.go
  sed -i '/^\tPrefixesWithCommunity \[\]CommunityPrefixes /a\\tPrefixesWithAsPathPrepend []AsPathPrependPrefixes `json:"withAsPathPrepend,omitempty"`' "$types"
  cat "$recipe/metallb/frr-k8s-additions.go.part" >> "$types"
  grep -q PrefixesWithAsPathPrepend "$types" || die 1 "frr-k8s $FRR_K8S_VERSION's Advertise type is not where build.sh expects it"
  for program in controller speaker; do
    mkdir -p "$work/metallb-$program"; cp "$recipe/metallb/Dockerfile" "$work/metallb-$program/"
    run metallb go_run "$recipe/build-go-binary.sh" "go.universe.tf/metallb/$program" "$work/metallb-$program/$program" \
      "-X go.universe.tf/metallb/internal/version.gitCommit=kindj" "$src" || die 1 "compiling MetalLB's $program failed"
    temp_images+=("$id-metallb-$program:latest")
    run metallb docker build --force-rm --build-arg PROGRAM="$program" -t "$id-metallb-$program:latest" "$work/metallb-$program" \
      || die 1 "building the MetalLB $program image failed"
    docker save -o "$metallb_files-$program.tar.$$" "$id-metallb-$program:latest" >> "$log" 2>&1 \
      && mv "$metallb_files-$program.tar.$$" "$metallb_files-$program.tar" || die 1 "saving the MetalLB $program image failed"
  done
  metallb_module=$(module_dir "go.universe.tf/metallb@$METALLB_VERSION") && [[ $metallb_module ]] \
    || die 3 "downloading go.universe.tf/metallb@$METALLB_VERSION from the Go module proxy failed"
  cat "$metallb_module"/config/crd/bases/metallb.io_*.yaml > "$metallb_files-crds.yaml.$$" \
    && mv "$metallb_files-crds.yaml.$$" "$metallb_files-crds.yaml" || die 1 "reading MetalLB's CRDs from $metallb_module failed"
  rm -rf "$src"
fi
mark metallb $t0

# ---- up to date already? ----------------------------------------------------------------------
build_hash=$( (cd "$recipe" && { find node/files -type f | sort; find node/files -type f | sort | xargs cat node/Dockerfile images.env; } | sha256sum
  docker image inspect -f '{{.Id}}' "$base_tag"; echo "$version"
  cat "$kdir/$complete_marker" 2>/dev/null || (cd "$kdir" && sha256sum "${K8S_BINARIES[@]}")
  sha256sum < "$pause_tar"; sha256sum < "$coredns_tar"
  sha256sum < "$local_path_tar"; sha256sum < "$local_path_helper_tar"
  cat "$metallb_files-controller.tar" "$metallb_files-speaker.tar" "$metallb_files-crds.yaml") | hash_of /dev/stdin)
if [[ $(docker image inspect -f '{{index .Config.Labels "dev.kindj.build-hash"}}' "$image" 2>/dev/null) == "$build_hash" ]]; then
  say "done" "$image is up to date (build hash $build_hash)"
  exit 0
fi

# ---- node image: binaries, units, configuration -------------------------------------------------
t0=$SECONDS
say node "assembling the node image on $base_tag"
mkdir -p "$work/node/bin"
cp -a "$recipe/node/files" "$recipe/node/Dockerfile" "$work/node/"
# containerd's sandbox image is the preloaded pause image; config.toml leaves a placeholder for it.
sed -i "s|@PAUSE_IMAGE@|$PAUSE_IMAGE|" "$work/node/files/etc/containerd/config.toml"
grep -qF "sandbox_image = \"$PAUSE_IMAGE\"" "$work/node/files/etc/containerd/config.toml" \
  || die 1 'node/files/etc/containerd/config.toml has no sandbox_image = "@PAUSE_IMAGE@" line'
for b in "${K8S_BINARIES[@]}"; do cp -l "$kdir/$b" "$work/node/bin/" 2>/dev/null || cp "$kdir/$b" "$work/node/bin/"; done
# Where kindj's bootstrap reads MetalLB's CRDs (MetalLb.CRDS in the provisioner).
mkdir -p "$work/node/files/kindj"; cp "$metallb_files-crds.yaml" "$work/node/files/kindj/metallb-crds.yaml"
temp_images+=("$id-node:latest") # registered first: an interrupted build may still tag it
run node docker build --force-rm --build-arg BASE="$base_tag" --build-arg KUBERNETES_VERSION="$version" \
  -t "$id-node:latest" "$work/node" || die 1 "building the node image failed"
rm -rf "$work/node"
mark node $t0

# ---- preload: import pause and CoreDNS into containerd's k8s.io namespace, pinned -------------
# containerd runs in a container of the new image with its root on a Docker volume (overlayfs
# snapshots cannot live on the container's own overlay root); the volume's content becomes an
# image layer at /var/lib/containerd. At run time /var is a fresh volume, which Docker fills
# from the image, so every node starts with these images unpacked and pinned. The layers' blobs
# are dropped once unpacked (containerd runs containers from the unpacked snapshots; its CRI
# plugin does the same for pulls with discard_unpacked_layers): they were half of that volume,
# which Docker copies anew for every node it creates.
t0=$SECONDS
import_flags="--local --discard-unpacked-layers"
preload_tar=$cache/preload/$( (docker image inspect -f '{{.Id}}' "$base_tag"; echo "$import_flags"
  cat "$recipe/node/files/etc/containerd/config.toml" "$recipe/images.env"
  sha256sum < "$pause_tar"; sha256sum < "$coredns_tar"
  sha256sum < "$local_path_tar"; sha256sum < "$local_path_helper_tar"
  sha256sum < "$metallb_files-controller.tar"; sha256sum < "$metallb_files-speaker.tar") | hash_of /dev/stdin).tar
if [[ -f $preload_tar ]]; then
  say preload "reusing $preload_tar"
else
  say preload "importing $PAUSE_IMAGE, $COREDNS_IMAGE, the local-path and the MetalLB images into containerd (k8s.io namespace, pinned)"
  mkdir -p "$cache/preload"
  temp_volumes+=("$id-preload")
  docker volume create "$id-preload" >> "$log" || die 1 "creating a Docker volume failed"
  cp "$pause_tar" "$work/pause.tar"; cp "$coredns_tar" "$work/coredns.tar"
  cp "$local_path_tar" "$work/local-path.tar"; cp "$local_path_helper_tar" "$work/local-path-helper.tar"
  cp "$metallb_files-controller.tar" "$work/metallb-controller.tar"; cp "$metallb_files-speaker.tar" "$work/metallb-speaker.tar"
  temp_containers+=("$id-preload")
  docker run -d --name "$id-preload" --stop-signal SIGTERM --cap-add ALL --cap-drop SYS_RESOURCE \
    --security-opt seccomp=unconfined --security-opt apparmor=unconfined --tmpfs /run --tmpfs /tmp \
    -v "$id-preload:/var/lib/containerd" -v "$work:/preload:ro" --entrypoint /usr/bin/containerd \
    "$id-node:latest" >> "$log" || die 1 "starting containerd for the preload failed"
  for _ in $(seq 100); do docker exec "$id-preload" ctr version >/dev/null 2>&1 && break; sleep 0.2; done
  import() { # TAR FINAL_NAME: import, rename from the temporary build tag, pin
    local tag
    tag=$(tar -xOf "$work/$1" manifest.json | sed -n 's/.*"RepoTags":\["\([^"]*\)".*/\1/p')
    case $tag in */*) tag=docker.io/$tag ;; *) tag=docker.io/library/$tag ;; esac
    docker exec "$id-preload" sh -ec "
      ctr -n k8s.io images import $import_flags /preload/$1
      ctr -n k8s.io images tag $tag $2
      ctr -n k8s.io images rm --sync $tag
      ctr -n k8s.io images label $2 io.cri-containerd.pinned=pinned" >> "$log" 2>&1
  }
  import pause.tar "$PAUSE_IMAGE" || die 1 "importing the pause image failed"
  import coredns.tar "$COREDNS_IMAGE" || die 1 "importing the CoreDNS image failed"
  import local-path.tar "$LOCAL_PATH_IMAGE" || die 1 "importing the local-path-provisioner image failed"
  import local-path-helper.tar "$LOCAL_PATH_HELPER_IMAGE" || die 1 "importing the local-path helper image failed"
  import metallb-controller.tar "$METALLB_CONTROLLER_IMAGE" || die 1 "importing the MetalLB controller image failed"
  import metallb-speaker.tar "$METALLB_SPEAKER_IMAGE" || die 1 "importing the MetalLB speaker image failed"
  docker exec "$id-preload" sh -c 'ctr -n k8s.io images ls; ctr -n k8s.io content ls' >> "$log" 2>&1
  docker stop -t 30 "$id-preload" >> "$log" 2>&1 || die 1 "stopping the preload containerd failed"
  docker run --rm -v "$id-preload:/src:ro" --entrypoint tar "$id-node:latest" -C /src --numeric-owner -cf - . \
    > "$preload_tar.$$" && mv "$preload_tar.$$" "$preload_tar" || die 1 "saving containerd's state failed"
fi
mkdir -p "$work/preload-ctx"
cp -l "$preload_tar" "$work/preload-ctx/containerd.tar" 2>/dev/null || cp "$preload_tar" "$work/preload-ctx/containerd.tar"
printf 'ARG NODE\nFROM ${NODE}\nADD containerd.tar /var/lib/containerd/\n' > "$work/preload-ctx/Dockerfile"
temp_images+=("$id-final:latest")
run preload docker build --force-rm --build-arg NODE="$id-node:latest" --label "dev.kindj.build-hash=$build_hash" \
  -t "$id-final:latest" "$work/preload-ctx" || die 1 "adding the preloaded images failed"
mark preload $t0

# ---- done: the only moment the requested name is touched --------------------------------------
docker tag "$id-final:latest" "$image"
size=$(docker image inspect -f '{{.Size}}' "$image")
say "done" "$image ($((size / 1024 / 1024)) MiB) in $((SECONDS - started))s: ${timings[*]}"
