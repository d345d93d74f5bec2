package dev.kindj.api;

import dev.kindj.KindjException;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@link KindjCluster#apply(Manifests)} applied, in order. {@link #awaitReady(Duration)} waits until the
 * workloads and definitions among them are ready.
 */
public final class AppliedManifests {

    private final KubernetesClient client;
    private final List<AppliedObject> objects;

    AppliedManifests(KubernetesClient client, List<AppliedObject> objects) {
        this.client = client;
        this.objects = List.copyOf(objects);
    }

    /** Each applied object as {@code Kind namespace/name (source:line)}. */
    public List<String> objects() {
        return objects.stream().map(AppliedObject::toString).toList();
    }

    /**
     * Waits until every Deployment, StatefulSet and DaemonSet has all its replicas updated and ready, every Job has
     * completed and every CustomResourceDefinition is Established; other kinds count as ready once applied.
     *
     * @return this
     * @throws KindjException when the time runs out, naming each object that is not ready and why (its status and
     *         conditions, its pods' states and recent events), or at once when a Job fails
     */
    public AppliedManifests awaitReady(Duration timeout) {
        Readiness readiness = new Readiness(client);
        Instant deadline = Instant.now().plus(timeout);
        Map<AppliedObject, String> waiting = new LinkedHashMap<>();
        objects.forEach(object -> waiting.put(object, "not checked yet"));
        while (true) {
            for (AppliedObject object : new ArrayList<>(waiting.keySet())) {
                Optional<String> notReady = readiness.notReady(object);
                if (notReady.isPresent()) {
                    waiting.put(object, notReady.get());
                } else {
                    waiting.remove(object);
                }
            }
            if (waiting.isEmpty()) {
                return this;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new KindjException(waiting.size() + " of " + objects.size() + " applied objects not ready after "
                        + timeout.toSeconds() + " s:\n" + waiting.entrySet().stream()
                                .map(entry -> entry.getKey() + " is not ready: " + entry.getValue()
                                        + readiness.diagnose(entry.getKey()))
                                .collect(Collectors.joining("\n")), null);
            }
            ManifestApplier.pause();
        }
    }

    @Override
    public String toString() {
        return objects().toString();
    }
}
