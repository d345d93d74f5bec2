package dev.kindj.config;

import java.util.List;

/**
 * Cluster-wide network settings; kind's {@code networking} section. Null arguments take kind's defaults.
 *
 * @param apiServerPort host port of the API server; 0 picks a random free port
 * @param dnsSearch     the nodes' DNS search domains; null keeps Docker's (the host's), empty means none
 */
public record Networking(IpFamily ipFamily, String apiServerAddress, int apiServerPort, String podSubnet,
                         String serviceSubnet, boolean disableDefaultCNI, KubeProxyMode kubeProxyMode,
                         List<String> dnsSearch) {

    public static final String DEFAULT_API_SERVER_ADDRESS = "127.0.0.1";
    public static final String DEFAULT_POD_SUBNET = "10.244.0.0/16";
    public static final String DEFAULT_SERVICE_SUBNET = "10.96.0.0/16";

    public Networking {
        ipFamily = ipFamily == null ? IpFamily.IPV4 : ipFamily;
        apiServerAddress = apiServerAddress == null ? DEFAULT_API_SERVER_ADDRESS : apiServerAddress;
        podSubnet = podSubnet == null ? DEFAULT_POD_SUBNET : podSubnet;
        serviceSubnet = serviceSubnet == null ? DEFAULT_SERVICE_SUBNET : serviceSubnet;
        kubeProxyMode = kubeProxyMode == null ? KubeProxyMode.IPTABLES : kubeProxyMode;
        dnsSearch = dnsSearch == null ? null : List.copyOf(dnsSearch);
    }

    public static Networking defaults() {
        return new Networking(null, null, 0, null, null, false, null, null);
    }

    public Networking withApiServerAddress(String address) {
        return new Networking(ipFamily, address, apiServerPort, podSubnet, serviceSubnet, disableDefaultCNI,
                kubeProxyMode, dnsSearch);
    }

    public Networking withApiServerPort(int port) {
        return new Networking(ipFamily, apiServerAddress, port, podSubnet, serviceSubnet, disableDefaultCNI,
                kubeProxyMode, dnsSearch);
    }

    public Networking withPodSubnet(String cidr) {
        return new Networking(ipFamily, apiServerAddress, apiServerPort, cidr, serviceSubnet, disableDefaultCNI,
                kubeProxyMode, dnsSearch);
    }

    public Networking withServiceSubnet(String cidr) {
        return new Networking(ipFamily, apiServerAddress, apiServerPort, podSubnet, cidr, disableDefaultCNI,
                kubeProxyMode, dnsSearch);
    }

    public Networking withDisableDefaultCNI(boolean disable) {
        return new Networking(ipFamily, apiServerAddress, apiServerPort, podSubnet, serviceSubnet, disable,
                kubeProxyMode, dnsSearch);
    }

    /** @param domains null for Docker's search domains, empty for none */
    public Networking withDnsSearch(List<String> domains) {
        return new Networking(ipFamily, apiServerAddress, apiServerPort, podSubnet, serviceSubnet,
                disableDefaultCNI, kubeProxyMode, domains);
    }

    public Networking withKubeProxyMode(KubeProxyMode mode) {
        return new Networking(ipFamily, apiServerAddress, apiServerPort, podSubnet, serviceSubnet,
                disableDefaultCNI, mode, dnsSearch);
    }
}
