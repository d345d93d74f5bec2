package dev.kindj.internal.provision.docker;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.PropagationMode;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.SELContext;
import com.github.dockerjava.api.model.Volume;
import dev.kindj.config.Mount;
import dev.kindj.config.MountPropagation;
import dev.kindj.internal.provision.node.NodeRole;
import dev.kindj.internal.provision.node.NodeSpec;
import dev.kindj.config.PortMapping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Docker run settings a Kubernetes node container (and the load balancer) needs. */
final class NodeContainerSettings {

    /** How a node gets the rights systemd, containerd and the kubelet need. */
    enum Rights {
        /** --privileged, where the daemon grants it. */
        PRIVILEGED,
        /** ALL capabilities minus those the daemon cannot grant, plus unconfined profiles. */
        EXPLICIT
    }

    /**
     * The CPU weight of the containers the API is served from (control planes, the load balancer), against Docker's
     * 1024 for every other container: when pods start on the workers and the cores are all busy, the API server,
     * etcd and haproxy still get the CPU they ask for, so that clients' requests are not queued behind runc and the
     * kubelets. An idle control plane uses no more for it.
     */
    static final int API_PATH_CPU_SHARES = 4096;

    private NodeContainerSettings() {
    }

    static HostConfig hostConfig(NodeSpec spec, String networkName, Rights rights) {
        HostConfig host = new UnmaskedHostConfig()
                .withNetworkMode(networkName)
                // A private cgroup namespace keeps the node's containerd out of the host's root cgroups.
                .withCgroupnsMode("private")
                .withSecurityOpts(List.of("seccomp=unconfined", "apparmor=unconfined"))
                .withDevices(new Device("rwm", "/dev/kmsg", "/dev/kmsg"))
                .withTmpFs(Map.of("/run", "rw,nosuid,nodev,exec", "/tmp", "rw,nosuid,nodev,exec"))
                .withBinds(binds(spec))
                .withPortBindings(portBindings(spec.ports()))
                // Nodes come back after `docker restart` and engine restarts, but not after `kindj stop`.
                .withRestartPolicy(RestartPolicy.unlessStoppedRestart())
                .withInit(false);
        if (spec.role() == NodeRole.CONTROL_PLANE) {
            host.withCpuShares(API_PATH_CPU_SHARES);
        }
        if (spec.dnsSearch() != null) {
            // Docker reads the search domain "." as none, which is what kind's dnsSearch: [] asks for
            host.withDnsSearch(spec.dnsSearch().isEmpty() ? List.of(".") : spec.dnsSearch());
        }
        if (rights == Rights.PRIVILEGED) {
            return host.withPrivileged(true);
        }
        List<Capability> missing = GrantableCapabilities.missingOnThisHost();
        return host.withCapAdd(Capability.ALL).withCapDrop(missing.toArray(Capability[]::new))
                // Every device, as --privileged would allow: a privileged pod asks containerd in the node for all
                // of them, which cgroup v1 only grants below a node whose own device list allows them.
                .withDeviceCgroupRules(List.of("a *:* rwm"));
    }

    /** The load balancer needs only its network, its published port and to come back after restarts like the nodes. */
    static HostConfig loadBalancerHostConfig(NodeSpec spec, String networkName) {
        return HostConfig.newHostConfig()
                .withNetworkMode(networkName)
                .withPortBindings(portBindings(spec.ports()))
                .withRestartPolicy(RestartPolicy.unlessStoppedRestart())
                .withCpuShares(API_PATH_CPU_SHARES);
    }

    /**
     * A node that runs its components as plain processes: its network, published ports, a private cgroup namespace
     * (its processes need no view of the host's cgroups) and restarts like the nodes.
     */
    static HostConfig commandNodeHostConfig(NodeSpec spec, String networkName) {
        return loadBalancerHostConfig(spec, networkName).withCgroupnsMode("private");
    }

    static List<ExposedPort> exposedPorts(List<PortMapping> ports) {
        return ports.stream().map(NodeContainerSettings::exposedPort).toList();
    }

    static Volume[] anonymousVolumes() {
        // containerd nests container roots only on a real filesystem, not on the node's overlay root.
        return new Volume[] {new Volume("/var")};
    }

    private static List<Bind> binds(NodeSpec spec) {
        List<Bind> binds = new ArrayList<>();
        if (Files.isDirectory(Path.of("/lib/modules"))) {
            binds.add(new Bind("/lib/modules", new Volume("/lib/modules"), AccessMode.ro));
        }
        for (Mount mount : spec.mounts()) {
            binds.add(new Bind(mount.hostPath(), new Volume(mount.containerPath()),
                    mount.readOnly() ? AccessMode.ro : AccessMode.rw,
                    // kind's selinuxRelabel is Docker's :Z, a label private to this container
                    mount.selinuxRelabel() ? SELContext.single : SELContext.none, null,
                    propagation(mount.propagation())));
        }
        return binds;
    }

    private static PropagationMode propagation(MountPropagation propagation) {
        return switch (propagation) {
            case HOST_TO_CONTAINER -> PropagationMode.RSLAVE;
            case BIDIRECTIONAL -> PropagationMode.RSHARED;
            case NONE -> PropagationMode.DEFAULT;
        };
    }

    private static Ports portBindings(List<PortMapping> ports) {
        Ports bindings = new Ports();
        for (PortMapping port : ports) {
            String hostPort = port.hostPort() == 0 ? null : Integer.toString(port.hostPort());
            bindings.bind(exposedPort(port), new Ports.Binding(port.listenAddress(), hostPort));
        }
        return bindings;
    }

    private static ExposedPort exposedPort(PortMapping port) {
        return new ExposedPort(port.containerPort(), InternetProtocol.parse(port.protocol().yamlName().toLowerCase()));
    }
}
