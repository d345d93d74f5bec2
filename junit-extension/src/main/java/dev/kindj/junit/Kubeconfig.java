package dev.kindj.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} (the kubeconfig's YAML) or {@code Path} (a file readable only by its owner) field
 * or parameter to receive the admin kubeconfig of the {@link KubeCluster}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Kubeconfig {
}
