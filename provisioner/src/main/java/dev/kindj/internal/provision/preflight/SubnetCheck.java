package dev.kindj.internal.provision.preflight;

import dev.kindj.config.Ipv4Cidr;
import dev.kindj.internal.provision.preflight.Demand.RequestedSubnet;
import dev.kindj.internal.provision.preflight.HostReadings.NamedSubnet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A subnet the config chooses must not overlap a Docker network or a host route: traffic from pods to those
 * addresses would stay in the cluster. The cluster network itself is picked from a pool, skipping both; the pool
 * must still have a /24 left.
 */
final class SubnetCheck extends PreflightCheck {

    SubnetCheck() {
        super("subnets");
    }

    @Override
    CheckResult check(Demand demand, HostReadings host) {
        if (!demand.newNetwork() && demand.subnets().isEmpty()) {
            return ok("the cluster's network exists already");
        }
        Reading<List<NamedSubnet>> taken = host.takenSubnets();
        if (!taken.isPresent()) {
            return skipped(taken.whyMissing());
        }
        List<String> problems = new ArrayList<>();
        for (RequestedSubnet requested : demand.subnets()) {
            Ipv4Cidr cidr = Ipv4Cidr.of(requested.cidr());
            taken.value().stream().filter(other -> other.cidr().overlaps(cidr)).forEach(other -> problems.add(
                    requested.field() + " " + cidr + " overlaps " + other.name() + " " + other.cidr()));
        }
        String network = "";
        if (demand.newNetwork()) {
            Reading<Optional<Ipv4Cidr>> next = host.nextClusterSubnet();
            if (!next.isPresent()) {
                return skipped(next.whyMissing());
            }
            if (next.value().isEmpty()) {
                problems.add("no /24 is left for the cluster network: every one in the pool overlaps a Docker network"
                        + " or a host route");
            } else {
                network = "the cluster network gets " + next.value().get();
            }
        }
        if (!problems.isEmpty()) {
            return fail(String.join("; ", problems), "choose subnets that overlap nothing listed"
                    + " (ip route; docker network ls), or delete Docker networks you no longer use");
        }
        List<String> parts = new ArrayList<>();
        if (!network.isEmpty()) {
            parts.add(network);
        }
        demand.subnets().forEach(s -> parts.add(s.field() + " " + s.cidr() + " is free"));
        return ok(String.join("; ", parts) + " (" + taken.value().size()
                + " Docker networks and host routes looked at)");
    }
}
