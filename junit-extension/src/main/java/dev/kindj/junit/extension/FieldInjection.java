package dev.kindj.junit.extension;

import dev.kindj.junit.Kubeconfig;
import java.lang.reflect.Field;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Sets the test class's fields of injectable types: static ones once per class, instance ones before each test. */
final class FieldInjection {

    private FieldInjection() {
    }

    static void injectStatic(Class<?> testClass, ClusterSession cluster) {
        inject(testClass, null, ModifierSupport::isStatic, cluster, Optional.empty());
    }

    static void injectInstance(Object testInstance, ClusterSession cluster, Optional<TestNamespace> namespace) {
        inject(testInstance.getClass(), testInstance, ModifierSupport::isNotStatic, cluster, namespace);
    }

    private static void inject(Class<?> type, Object instance, Predicate<Field> kind, ClusterSession cluster,
            Optional<TestNamespace> namespace) {
        for (Field field : ReflectionSupport.findFields(type, kind.and(ModifierSupport::isNotFinal), HierarchyTraversalMode.TOP_DOWN)) {
            boolean markedKubeconfig = field.isAnnotationPresent(Kubeconfig.class);
            String target = (instance == null ? "static field " : "field ") + field.getDeclaringClass().getName() + "." + field.getName();
            if (!Injectables.supports(field.getType(), markedKubeconfig)) {
                if (markedKubeconfig) {
                    throw new ExtensionConfigurationException(target + " is marked @Kubeconfig but is a "
                            + field.getType().getName() + "; use String (the YAML) or Path (a file)");
                }
                continue;
            }
            Object value = Injectables.resolve(field.getType(), markedKubeconfig, cluster, namespace, target);
            try {
                field.setAccessible(true);
                field.set(instance, value);
            } catch (IllegalAccessException e) {
                throw new ExtensionConfigurationException("cannot set " + target + ": " + e.getMessage(), e);
            }
        }
    }
}
