package example;

import dev.kindj.api.ClusterFlavor;
import dev.kindj.junit.KubeCluster;
import dev.kindj.junit.KubeNamespace;

/**
 * The operator against an api-only cluster: etcd, the API server and the controller-manager in one container, ready
 * in seconds. Its garbage collector deletes the mirror with its source, which an API server alone would not.
 */
@KubeCluster(flavor = ClusterFlavor.API_ONLY)
@KubeNamespace
class ApiOnlyMirrorTest extends MirrorControllerContract {
}
