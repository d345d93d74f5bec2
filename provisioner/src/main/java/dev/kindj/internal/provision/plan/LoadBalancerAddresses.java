package dev.kindj.internal.provision.plan;

import dev.kindj.config.Ipv4Cidr;

/**
 * How a cluster network's subnet is shared: Docker gives containers addresses from its lower half only (nodes, the API
 * load balancer, and anything connected later, such as a registry), and Services of type LoadBalancer get theirs from
 * the upper half, so the two never meet. A /24 network leaves 127 Service addresses.
 */
public final class LoadBalancerAddresses {

    private LoadBalancerAddresses() {
    }

    /** The part of the network Docker allocates container addresses from (its IPAM {@code IPRange}). */
    public static Ipv4Cidr containerRange(Ipv4Cidr subnet) {
        return subnet.subnet(subnet.prefix() + 1, 0);
    }

    /** The Service addresses, {@code first-last}: the upper half without its broadcast address. */
    public static String pool(Ipv4Cidr subnet) {
        Ipv4Cidr upper = subnet.subnet(subnet.prefix() + 1, 1);
        return upper.address(0) + "-" + upper.address(upper.size() - 2);
    }
}
