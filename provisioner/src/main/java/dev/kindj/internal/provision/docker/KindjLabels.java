package dev.kindj.internal.provision.docker;

import dev.kindj.internal.provision.KindjVersion;
import java.util.HashMap;
import java.util.Map;

/** Labels on everything kindj creates: how clusters are found again, and how nothing else is touched. */
final class KindjLabels {

    static final String CLUSTER = "dev.kindj.cluster";
    static final String ROLE = "dev.kindj.role";
    static final String VERSION = "dev.kindj.version";
    static final String IP = "dev.kindj.ip";
    /** On a local registry's container and volume: the registry's name. */
    static final String REGISTRY = "dev.kindj.registry";
    /** On a local registry's container: the host port it is published on. */
    static final String REGISTRY_PORT = "dev.kindj.registry-port";

    private KindjLabels() {
    }

    static Map<String, String> forCluster(String clusterName) {
        return with(CLUSTER, clusterName);
    }

    static Map<String, String> forRegistry(String registryName) {
        return with(REGISTRY, registryName);
    }

    private static Map<String, String> with(String key, String name) {
        Map<String, String> labels = new HashMap<>();
        labels.put(key, name);
        labels.put(VERSION, KindjVersion.get());
        return labels;
    }
}
