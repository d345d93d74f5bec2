package dev.kindj.junit;

import dev.kindj.internal.provision.node.ExecResult;
import dev.kindj.internal.provision.node.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;

/** The cluster of a {@link KubeCluster} test: injected like a client. */
public interface KubeClusterHandle {

    /** The cluster's name, as {@code kindj get clusters} shows it. */
    String name();

    /** The node containers, sorted by name. */
    List<Node> nodes();

    /** The admin kubeconfig (YAML) that reaches the API on 127.0.0.1. */
    String kubeconfig();

    /** The admin kubeconfig as a file only its owner can read; deleted when the cluster is. */
    Path kubeconfigPath();

    /** A fabric8 client for the whole cluster; shared, so do not close it. */
    KubernetesClient client();

    /**
     * Copies images from the local Docker engine into every node, so pods can run them with
     * {@code imagePullPolicy: Never} or {@code IfNotPresent}; nodes that have an image already are skipped.
     */
    void loadImage(String... images);

    /** Runs a command inside a node container; never throws for a non-zero exit code. */
    ExecResult exec(String node, String... command);

    /**
     * Writes what {@code kindj export logs} writes into {@code directory}: per node the journals of its
     * components (kubelet, containerd, kube-proxy, etcd, API server, controller manager, scheduler) and its
     * container logs ({@code var/log/pods}); for the cluster its events, pods and node descriptions.
     *
     * @return the directory
     */
    Path exportLogs(Path directory);
}
