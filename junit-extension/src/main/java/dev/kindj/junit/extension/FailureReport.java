package dev.kindj.junit.extension;

import dev.kindj.api.CommandResult;
import dev.kindj.api.KindjCluster;
import dev.kindj.api.NodeRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a failed test leaves for its author: the cluster's logs ({@code kindj export logs}: component journals,
 * container logs under {@code <node>/var/log/pods}, events, nodes) plus the descriptions of the pods and the
 * objects in the test's namespace (in every namespace when the test has none of its own).
 */
final class FailureReport {

    private static final Path ROOT = Path.of("target", "kindj-reports");
    /** kubectl as the cluster admin, with the credentials every control plane holds (as in kind). */
    private static final List<String> ADMIN_KUBECTL = List.of("kubectl", "--kubeconfig=/etc/kubernetes/admin.conf",
            "--request-timeout=20s");

    private FailureReport() {
    }

    /**
     * {@code target/kindj-reports/<class>/<test>}; the test is its method's name, plus the display name when that
     * tells invocations apart (parameterized, repeated).
     */
    static Path directoryFor(ExtensionContext context) {
        String method = context.getRequiredTestMethod().getName();
        String display = context.getDisplayName();
        String test = display.equals(method + "()") ? method : method + "-" + display.replaceAll("[^A-Za-z0-9._-]+", "_");
        return ROOT.resolve(context.getRequiredTestClass().getName()).resolve(test);
    }

    static Path write(KindjCluster cluster, Optional<TestNamespace> namespace, Path directory) {
        clear(directory);
        cluster.exportLogs(directory);
        List<String> scope = namespace.map(ns -> List.of("--namespace", ns.name())).orElse(List.of("--all-namespaces"));
        cluster.nodes().stream().filter(node -> node.role() == NodeRole.CONTROL_PLANE && node.running()).findFirst()
                .ifPresent(controlPlane -> {
                    write(directory.resolve("describe-pods.txt"),
                            kubectl(cluster, controlPlane.name(), scope, "describe", "pods"));
                    write(directory.resolve("objects.txt"),
                            kubectl(cluster, controlPlane.name(), scope, "get", "all,configmaps,events", "-o", "wide"));
                });
        return directory;
    }

    /** What kubectl printed, its errors included: the report should show why a part is missing. */
    private static String kubectl(KindjCluster cluster, String controlPlane, List<String> scope, String... arguments) {
        CommandResult result = cluster.exec(controlPlane,
                Stream.of(ADMIN_KUBECTL.stream(), Stream.of(arguments), scope.stream()).flatMap(part -> part).toArray(String[]::new));
        return result.stdout() + result.stderr();
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void clear(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the earlier report in " + directory, e);
        }
    }
}
