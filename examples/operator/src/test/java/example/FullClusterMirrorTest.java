package example;

import dev.kindj.junit.KubeCluster;
import dev.kindj.junit.KubeNamespace;

/** The same checks on a full 1-node cluster, where the operator could also run workloads. */
@KubeCluster
@KubeNamespace
class FullClusterMirrorTest extends MirrorControllerContract {
}
