package dev.kindj.junit.extension;

import dev.kindj.KindjException;
import dev.kindj.api.Kindj;
import dev.kindj.junit.KubeCluster;
import dev.kindj.junit.KubeNamespace;
import dev.kindj.junit.Kubeconfig;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine behind {@link KubeCluster}: opens the cluster before a class's first test (once per sharing
 * key and run, in the root store), injects clients, gives tests their namespaces, and writes diagnostics
 * when a test fails.
 */
public final class KubeClusterExtension implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback,
        ParameterResolver, TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(KubeClusterExtension.class);
    private static final String RUN = "run";
    private static final String TEST_NAMESPACE = "namespace";
    private static final Logger LOG = LoggerFactory.getLogger(KubeClusterExtension.class);

    /** A cluster in the root store, with the request of the class that opened it. */
    private record SharedCluster(ClusterRequest request, ClusterSession session) {
    }

    /**
     * A class's cluster in that class's store.
     *
     * @param origin {@code created} or {@code reattached} for the class that opened it, else {@code shared}
     */
    private record OpenCluster(Class<?> declaredOn, ClusterSession session, String origin) {
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<KubeCluster> annotation = context.getTestMethod().isPresent() ? Optional.empty()
                : AnnotationSupport.findAnnotation(context.getTestClass(), KubeCluster.class);
        if (annotation.isEmpty() || !annotation.get().skipWhenDockerUnavailable()) {
            return ConditionEvaluationResult.enabled("a missing Docker engine fails the class");
        }
        try {
            Kindj.connect();
            return ConditionEvaluationResult.enabled("a Docker engine answers");
        } catch (KindjException noEngine) {
            return ConditionEvaluationResult.disabled("@KubeCluster(skipWhenDockerUnavailable = true): " + noEngine.getMessage());
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        OpenCluster cluster = openCluster(context);
        if (cluster.declaredOn() == testClass) {
            ClusterSession session = cluster.session();
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("kindj.cluster", session.name());
            entry.put("kindj.cluster.origin", cluster.origin());
            entry.put("kindj.cluster.startupBegan", session.startupBegan().toString());
            entry.put("kindj.cluster.ready", session.ready().toString());
            context.publishReportEntry(entry);
        }
        FieldInjection.injectStatic(testClass, cluster.session());
    }

    /**
     * The cluster of the nearest class, from the test class outwards, that has {@code @KubeCluster}; opened on
     * first use, which is {@code beforeAll}, or the constructor of a {@code PER_CLASS} test class.
     */
    private static OpenCluster openCluster(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        List<Class<?>> outwards = new ArrayList<>(context.getEnclosingTestClasses());
        outwards.add(testClass);
        Collections.reverse(outwards);
        for (Class<?> candidate : outwards) {
            Optional<KubeCluster> annotation = AnnotationSupport.findAnnotation(candidate, KubeCluster.class);
            if (annotation.isPresent()) {
                return context.getStore(STORE).getOrComputeIfAbsent(candidate,
                        declaredOn -> open(context, ClusterRequest.of(annotation.get(), declaredOn)), OpenCluster.class);
            }
        }
        throw new ExtensionConfigurationException(testClass.getName() + " uses "
                + KubeClusterExtension.class.getSimpleName() + " without @KubeCluster");
    }

    private static OpenCluster open(ExtensionContext context, ClusterRequest request) {
        Kindj kindj;
        try {
            kindj = Kindj.connect();
        } catch (KindjException noEngine) {
            throw new IllegalStateException("@KubeCluster on " + request.declaredOn().getName() + " needs a Docker engine. "
                    + noEngine.getMessage() + " To report such classes as skipped instead, set skipWhenDockerUnavailable = true.",
                    noEngine);
        }
        TestRun run = context.getRoot().getStore(STORE).getOrComputeIfAbsent(RUN, key -> TestRun.start(kindj), TestRun.class);
        AtomicBoolean openedHere = new AtomicBoolean();
        SharedCluster shared = context.getRoot().getStore(STORE).getOrComputeIfAbsent("cluster:" + request.key(), key -> {
            openedHere.set(true);
            return new SharedCluster(request, run.open(request));
        }, SharedCluster.class);
        if (!shared.request().fingerprint().equals(request.fingerprint())) {
            throw new ExtensionConfigurationException("@KubeCluster on " + request.declaredOn().getName() + " and on "
                    + shared.request().declaredOn().getName() + " share the name '" + request.key()
                    + "' but describe different clusters; give one of them another name");
        }
        String origin = openedHere.get() ? shared.session().origin().name().toLowerCase(Locale.ROOT) : "shared";
        return new OpenCluster(request.declaredOn(), shared.session(), origin);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ClusterSession cluster = cluster(context);
        Optional<TestNamespace> namespace = Optional.empty();
        if (wantsNamespace(context)) {
            Method test = context.getRequiredTestMethod();
            long start = System.nanoTime();
            namespace = Optional.of(TestNamespace.create(cluster.cluster().client(), test.getName(),
                    context.getRequiredTestClass().getName() + "#" + test.getName()));
            LOG.debug("namespace {} ready in {} ms", namespace.get().name(), (System.nanoTime() - start) / 1_000_000);
            context.getStore(STORE).put(TEST_NAMESPACE, namespace.get());
        }
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            FieldInjection.injectInstance(instance, cluster, namespace);
        }
    }

    private static boolean wantsNamespace(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getTestMethod(), KubeNamespace.class)
                || AnnotationSupport.findAnnotation(context.getRequiredTestClass(), KubeNamespace.class,
                        context.getEnclosingTestClasses()).isPresent();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return Injectables.supports(parameter.getParameter().getType(), parameter.isAnnotated(Kubeconfig.class));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return Injectables.resolve(parameter.getParameter().getType(), parameter.isAnnotated(Kubeconfig.class),
                cluster(context), testNamespace(context),
                "parameter " + parameter.getParameter().getName() + " of " + parameter.getDeclaringExecutable());
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        reportFailure(context, failure);
        throw failure;
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        reportFailure(context, failure);
        throw failure;
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        reportFailure(context, failure);
        throw failure;
    }

    private static void reportFailure(ExtensionContext context, Throwable failure) {
        if (failure instanceof TestAbortedException) {
            return;
        }
        Path directory = FailureReport.directoryFor(context);
        try {
            long start = System.nanoTime();
            FailureReport.write(cluster(context).cluster(), testNamespace(context), directory);
            LOG.debug("report written in {} ms", (System.nanoTime() - start) / 1_000_000);
            failure.addSuppressed(new DiagnosticsWritten(directory));
            LOG.warn("{} failed; cluster diagnostics are in {}", context.getDisplayName(), directory.toAbsolutePath());
        } catch (RuntimeException reportFailed) {
            failure.addSuppressed(reportFailed);
        }
    }

    private static ClusterSession cluster(ExtensionContext context) {
        return openCluster(context).session();
    }

    private static Optional<TestNamespace> testNamespace(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(STORE).get(TEST_NAMESPACE, TestNamespace.class));
    }
}
