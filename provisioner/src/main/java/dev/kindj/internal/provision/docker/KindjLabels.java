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

    private KindjLabels() {
    }

    static Map<String, String> forCluster(String clusterName) {
        Map<String, String> labels = new HashMap<>();
        labels.put(CLUSTER, clusterName);
        labels.put(VERSION, KindjVersion.get());
        return labels;
    }
}
