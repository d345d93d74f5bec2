package dev.kindj.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs each test of a {@link KubeCluster} class (or one annotated method) in a fresh namespace, created
 * before the test and deleted after it, so tests sharing a cluster do not see each other's objects.
 *
 * <p>Inside the test, injected fabric8 {@code KubernetesClient}s (instance fields, test and
 * {@code @BeforeEach}/{@code @AfterEach} method parameters) are scoped to that namespace, and the
 * namespace itself can be injected as {@code io.fabric8.kubernetes.api.model.Namespace}.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface KubeNamespace {
}
