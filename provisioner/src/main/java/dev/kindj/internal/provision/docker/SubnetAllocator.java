package dev.kindj.internal.provision.docker;

import dev.kindj.config.Ipv4Cidr;
import java.util.Collection;
import java.util.Optional;

/**
 * Picks a /24 for a new cluster network from 172.28.0.0/14, skipping every subnet an existing
 * Docker network or a host route already uses, so several clusters (and other projects) coexist.
 */
final class SubnetAllocator {

    private static final Ipv4Cidr POOL = Ipv4Cidr.of("172.28.0.0/14");
    private static final int CLUSTER_PREFIX = 24;

    private SubnetAllocator() {
    }

    static Optional<Ipv4Cidr> firstFree(Collection<Ipv4Cidr> taken) {
        long candidates = 1L << (CLUSTER_PREFIX - POOL.prefix());
        for (int i = 0; i < candidates; i++) {
            Ipv4Cidr candidate = POOL.subnet(CLUSTER_PREFIX, i);
            if (taken.stream().noneMatch(candidate::overlaps)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
