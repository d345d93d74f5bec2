package dev.kindj.internal.provision.preflight;

import dev.kindj.config.ClusterConfig;
import dev.kindj.config.HostPortRequest;
import dev.kindj.config.Networking;
import dev.kindj.internal.provision.bootstrap.components.KubeProxyFiles;
import dev.kindj.internal.provision.plan.ControlPlaneUser;
import java.util.ArrayList;
import java.util.List;

/**
 * What a creation asks of the host: nodes (for inotify and disk), fixed host ports, subnets the config names, and
 * whether it needs a new cluster network.
 *
 * @param subnets the pod and service subnets when the config chooses them; kind's defaults are left out, since they
 *                live inside the nodes and only a chosen range is the user's promise that it is free
 * @param kubeProxyConfigFiles nodes whose kube-proxy reads (and watches) a config file, as kubeadm patches to its
 *                configuration ask; see KubeProxyFiles
 * @param controlPlaneUid the user the cluster's control-plane components run as (see ControlPlaneUser)
 */
public record Demand(String operation, int controlPlanes, int workers, List<HostPortRequest> hostPorts,
                     List<RequestedSubnet> subnets, boolean newNetwork, int kubeProxyConfigFiles, int controlPlaneUid) {

    public Demand {
        hostPorts = List.copyOf(hostPorts);
        subnets = List.copyOf(subnets);
    }

    /** A subnet the config asks for, named by its field. */
    public record RequestedSubnet(String field, String cidr) {
    }

    public static Demand forCluster(ClusterConfig config) {
        Networking networking = config.networking();
        List<RequestedSubnet> subnets = new ArrayList<>();
        if (!networking.podSubnet().equals(Networking.DEFAULT_POD_SUBNET)) {
            subnets.add(new RequestedSubnet("networking.podSubnet", networking.podSubnet()));
        }
        if (!networking.serviceSubnet().equals(Networking.DEFAULT_SERVICE_SUBNET)) {
            subnets.add(new RequestedSubnet("networking.serviceSubnet", networking.serviceSubnet()));
        }
        int kubeProxyConfigFiles = (int) config.nodes().stream()
                .filter(node -> KubeProxyFiles.readsConfigFile(config, node)).count();
        return new Demand("create cluster '" + config.name() + "'", config.controlPlanes().size(),
                config.workers().size(), config.fixedHostPorts(), subnets, true, kubeProxyConfigFiles,
                ControlPlaneUser.forCluster(config.name()));
    }

    /**
     * One worker joining an existing cluster: it publishes no port and uses the cluster's network. Counted as one whose
     * kube-proxy reads no config file, as in every cluster without kubeadm patches to kube-proxy.
     */
    public static Demand forWorker(String clusterName) {
        return new Demand("add a worker to cluster '" + clusterName + "'", 0, 1, List.of(), List.of(), false, 0,
                ControlPlaneUser.forCluster(clusterName));
    }

    /** One control plane joining an existing cluster, counted as {@link #forWorker} is. */
    public static Demand forControlPlane(String clusterName) {
        return new Demand("add a control plane to cluster '" + clusterName + "'", 1, 0, List.of(), List.of(), false,
                0, ControlPlaneUser.forCluster(clusterName));
    }

    public int nodes() {
        return controlPlanes + workers;
    }

    /** The nodes as a user reads them, with the verb, e.g. {@code 1 control plane and 2 workers need}. */
    public String nodesNeed() {
        List<String> parts = new ArrayList<>();
        if (controlPlanes > 0) {
            parts.add(count(controlPlanes, "control plane"));
        }
        if (workers > 0) {
            parts.add(count(workers, "worker"));
        }
        return String.join(" and ", parts) + (nodes() == 1 ? " needs" : " need");
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
