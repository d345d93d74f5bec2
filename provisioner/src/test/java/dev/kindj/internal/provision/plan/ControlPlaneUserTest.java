package dev.kindj.internal.provision.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ControlPlaneUserTest {

    @Test
    void aClustersUserIsTheSameEveryTimeAndWithinTheRangeNoHostUserHas() {
        List<Integer> uids = IntStream.range(0, 1000).mapToObj(i -> ControlPlaneUser.forCluster("cluster-" + i)).toList();

        assertThat(uids).allSatisfy(uid -> assertThat(uid).isBetween(0x7000_0000, 0x70FF_FFFF));
        assertThat(ControlPlaneUser.forCluster("kind")).isEqualTo(ControlPlaneUser.forCluster("kind"));
    }

    @Test
    void clustersWithNearNamesGetDifferentUsers() {
        assertThat(IntStream.range(0, 1000).map(i -> ControlPlaneUser.forCluster("cluster-" + i)).distinct().count())
                .isEqualTo(1000);
    }
}
