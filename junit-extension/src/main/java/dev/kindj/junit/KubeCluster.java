package dev.kindj.junit;

import dev.kindj.api.ClusterFlavor;
import dev.kindj.junit.extension.KubeClusterExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a real Kubernetes cluster of Docker containers, created before its first test through
 * {@code Kindj.connect().cluster(...)}.
 *
 * <p>Classes with the same {@link #name()} share one cluster for the whole run; without a name each class
 * gets its own. {@code @Nested} classes use their enclosing class's cluster. Clusters are deleted when the
 * run ends (also when the JVM is interrupted) unless {@link #reuse()} is set.
 *
 * <p>Injected by constructor, method parameter or field (static or instance): the cluster as a
 * {@link dev.kindj.api.KindjCluster} (nodes, {@code loadImages}, {@code exec}, {@code exportLogs}, ...), fabric8
 * {@code KubernetesClient}, {@code io.kubernetes.client.openapi.ApiClient} (when client-java is on the
 * classpath), and the kubeconfig as a {@link Kubeconfig @Kubeconfig} {@code String} or {@code Path}. With
 * {@link KubeNamespace @KubeNamespace} each test also gets a fresh namespace. When a test fails, the cluster's
 * diagnostics are written to {@code target/kindj-reports/<class>/<test>/}.
 *
 * <p>The extension owns the cluster: tests must not close the injected {@code KindjCluster} or its client (other
 * classes may share them), nor delete the cluster. Closing the handle never deletes the cluster; the extension
 * deletes it when the run ends.
 *
 * <p>Also works as a meta-annotation: annotate your own annotation with it to reuse one cluster definition.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KubeClusterExtension.class)
public @interface KubeCluster {

    /**
     * The sharing key, and the cluster's name prefix (a run suffix is added unless {@link #reuse()}); empty
     * means one cluster for this class alone.
     */
    String name() default "";

    /**
     * What the cluster runs. {@link ClusterFlavor#API_ONLY}: one container with etcd, the API server and the
     * controller-manager, no nodes (pods stay Pending), ready in seconds, for operator and controller tests; it takes
     * no {@link #workers()}, more {@link #controlPlanes()} or {@link #images()}.
     */
    ClusterFlavor flavor() default ClusterFlavor.FULL;

    int controlPlanes() default 1;

    int workers() default 0;

    /** A Kubernetes release ({@code v1.35.4}); its kindj node image is built if missing. Empty: kindj's default. */
    String kubernetesVersion() default "";

    /**
     * A node image already in the Docker engine; excludes {@link #kubernetesVersion()}. When both are empty,
     * the system property {@code kindj.image} names the image if set (handy in CI), else the default
     * version's kindj node image is used, built if missing.
     */
    String image() default "";

    /**
     * A kind {@code Cluster} YAML, looked up on the classpath first and then as a file; its nodes replace
     * {@link #controlPlanes()} and {@link #workers()}.
     */
    String config() default "";

    /**
     * Kubernetes manifests (YAML, several documents each) applied server-side once the cluster is up, before the
     * first test, in order; the class starts when their Deployments, StatefulSets, DaemonSets, Jobs and CRDs are
     * ready (within {@link #waitTimeout()}). Each is a classpath resource, else a file. They are read before any
     * cluster starts, so a document that does not parse fails the class naming file and line; when applying fails,
     * a cluster made for the class is deleted at once.
     */
    String[] manifests() default {};

    /**
     * Images from the local Docker engine, loaded into every node once the cluster is up and before
     * {@link #manifests()} are applied, so their pods can run them with {@code imagePullPolicy: Never}.
     */
    String[] images() default {};

    /**
     * Keep the cluster after the run and attach to it in the next run when its configuration is unchanged:
     * a fast inner loop. Delete it with {@code kindj delete cluster --name <name>}.
     */
    boolean reuse() default false;

    /** How long to wait for nodes and DNS to be ready, as {@code 90s}, {@code 3m} or ISO-8601 ({@code PT3M}). */
    String waitTimeout() default "3m";

    /** Report the class as skipped instead of failed when no Docker engine answers. */
    boolean skipWhenDockerUnavailable() default false;
}
