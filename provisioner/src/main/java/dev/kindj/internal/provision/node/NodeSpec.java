package dev.kindj.internal.provision.node;

import dev.kindj.config.Mount;
import dev.kindj.config.PortMapping;
import java.util.List;
import java.util.Map;

/** Everything the provider needs to create one node container. */
public record NodeSpec(
        String name,
        String clusterName,
        NodeRole role,
        String image,
        String ipAddress,
        List<PortMapping> ports,
        List<Mount> mounts,
        Map<String, String> extraLabels,
        List<String> dnsSearch) {

    /** @param dnsSearch null keeps Docker's search domains (the host's); empty means none */
    public NodeSpec {
        ports = List.copyOf(ports);
        mounts = List.copyOf(mounts);
        extraLabels = Map.copyOf(extraLabels);
        dnsSearch = dnsSearch == null ? null : List.copyOf(dnsSearch);
    }

    /** A container with Docker's DNS search domains. */
    public NodeSpec(String name, String clusterName, NodeRole role, String image, String ipAddress,
                    List<PortMapping> ports, List<Mount> mounts, Map<String, String> extraLabels) {
        this(name, clusterName, role, image, ipAddress, ports, mounts, extraLabels, null);
    }
}
