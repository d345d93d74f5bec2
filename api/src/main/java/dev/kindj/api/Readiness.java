package dev.kindj.api;

import dev.kindj.KindjException;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Whether an applied object is ready, and what explains it when it is not. */
final class Readiness {

    private static final int MAX_PODS = 3;
    private static final int MAX_EVENTS = 5;
    private static final Set<String> WORKLOADS = Set.of("apps/Deployment", "apps/StatefulSet", "apps/DaemonSet", "batch/Job");

    /** A condition as the API reports it, for workloads and CRDs alike. */
    private record Condition(String type, String status, String reason, String message) {

        boolean is(String conditionType) {
            return type.equals(conditionType) && "True".equals(status);
        }

        @Override
        public String toString() {
            return type + "=" + status + (reason != null ? " " + reason : "") + (message != null ? ": " + message : "");
        }
    }

    private final KubernetesClient client;

    Readiness(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Why the object is not ready yet, or empty when it is.
     *
     * @throws KindjException when it never will be: a failed Job
     */
    Optional<String> notReady(AppliedObject object) {
        String ns = object.namespace();
        String name = object.name();
        return switch (kindOf(object)) {
            case "apps/Deployment" -> deployment(client.apps().deployments().inNamespace(ns).withName(name).get());
            case "apps/StatefulSet" -> statefulSet(client.apps().statefulSets().inNamespace(ns).withName(name).get());
            case "apps/DaemonSet" -> daemonSet(client.apps().daemonSets().inNamespace(ns).withName(name).get());
            case "batch/Job" -> job(object, client.batch().v1().jobs().inNamespace(ns).withName(name).get());
            case "apiextensions.k8s.io/CustomResourceDefinition" -> crd(
                    client.apiextensions().v1().customResourceDefinitions().withName(name).get());
            default -> Optional.empty();
        };
    }

    /** The object's conditions and, for workloads, its pods' states and their recent events, as indented lines. */
    String diagnose(AppliedObject object) {
        try {
            GenericKubernetesResource found = object.namespace() != null
                    ? client.genericKubernetesResources(object.type()).inNamespace(object.namespace()).withName(object.name()).get()
                    : client.genericKubernetesResources(object.type()).withName(object.name()).get();
            if (found == null) {
                return "";
            }
            Map<String, Object> live = found.getAdditionalProperties();
            StringBuilder text = new StringBuilder();
            List<Condition> conditions = conditions(live);
            if (!conditions.isEmpty()) {
                text.append("\n  conditions: ").append(conditions.stream().map(Condition::toString).collect(Collectors.joining("; ")));
            }
            Optional<LabelSelector> selector = selector(object, live);
            if (selector.isPresent()) {
                List<Pod> pods = client.pods().inNamespace(object.namespace()).withLabelSelector(selector.get()).list().getItems();
                if (pods.isEmpty()) {
                    text.append("\n  no pods");
                    events(object.namespace(), object.name()).forEach(event -> text.append("\n    ").append(event));
                }
                pods.stream().limit(MAX_PODS).forEach(pod -> {
                    text.append("\n  pod ").append(pod.getMetadata().getName()).append(": ").append(podState(pod));
                    events(object.namespace(), pod.getMetadata().getName()).forEach(event -> text.append("\n    ").append(event));
                });
            }
            return text.toString();
        } catch (RuntimeException e) {
            return "\n  (no diagnostics: " + e.getMessage() + ")";
        }
    }

    private static String kindOf(AppliedObject object) {
        return object.type().getGroup() + "/" + object.kind();
    }

    private static Optional<String> deployment(Deployment deployment) {
        Long observed = deployment == null || deployment.getStatus() == null ? null : deployment.getStatus().getObservedGeneration();
        return rollout(deployment, observed, () -> {
            var status = deployment.getStatus();
            int desired = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
            int updated = zeroIfNull(status.getUpdatedReplicas());
            int available = zeroIfNull(status.getAvailableReplicas());
            int total = zeroIfNull(status.getReplicas());
            return updated == desired && available == desired && total == desired ? Optional.empty()
                    : Optional.of(available + " of " + desired + " replicas available, " + updated + " updated, " + total + " in total");
        });
    }

    private static Optional<String> statefulSet(StatefulSet statefulSet) {
        Long observed = statefulSet == null || statefulSet.getStatus() == null ? null : statefulSet.getStatus().getObservedGeneration();
        return rollout(statefulSet, observed, () -> {
            int desired = Objects.requireNonNullElse(statefulSet.getSpec().getReplicas(), 1);
            int ready = zeroIfNull(statefulSet.getStatus().getReadyReplicas());
            int updated = zeroIfNull(statefulSet.getStatus().getUpdatedReplicas());
            return ready == desired && updated == desired ? Optional.empty()
                    : Optional.of(ready + " of " + desired + " replicas ready, " + updated + " updated");
        });
    }

    private static Optional<String> daemonSet(DaemonSet daemonSet) {
        Long observed = daemonSet == null || daemonSet.getStatus() == null ? null : daemonSet.getStatus().getObservedGeneration();
        return rollout(daemonSet, observed, () -> {
            var status = daemonSet.getStatus();
            int desired = zeroIfNull(status.getDesiredNumberScheduled());
            int ready = zeroIfNull(status.getNumberReady());
            int updated = zeroIfNull(status.getUpdatedNumberScheduled());
            return ready == desired && updated == desired ? Optional.empty()
                    : Optional.of(ready + " of " + desired + " scheduled pods ready, " + updated + " updated");
        });
    }

    /**
     * A workload's readiness by its replica counts, once its controller has seen its latest spec (before that, the
     * counts describe the previous one).
     *
     * @param observedGeneration the generation its status describes; null before the controller wrote a status
     */
    private static Optional<String> rollout(HasMetadata workload, Long observedGeneration, Supplier<Optional<String>> counts) {
        if (workload == null) {
            return Optional.of("it no longer exists");
        }
        Long generation = workload.getMetadata().getGeneration();
        if (observedGeneration == null || generation != null && observedGeneration < generation) {
            return Optional.of("its controller has not seen the latest spec yet");
        }
        return counts.get();
    }

    private Optional<String> job(AppliedObject object, Job job) {
        if (job == null) {
            return Optional.of("it no longer exists");
        }
        List<Condition> conditions = job.getStatus() == null || job.getStatus().getConditions() == null ? List.of()
                : job.getStatus().getConditions().stream()
                        .map(c -> new Condition(c.getType(), c.getStatus(), c.getReason(), c.getMessage())).toList();
        if (conditions.stream().anyMatch(c -> c.is("Complete"))) {
            return Optional.empty();
        }
        if (conditions.stream().anyMatch(c -> c.is("Failed"))) {
            throw new KindjException(object + " failed:" + diagnose(object), null);
        }
        int succeeded = job.getStatus() == null ? 0 : zeroIfNull(job.getStatus().getSucceeded());
        return Optional.of("not complete (" + succeeded + " of " + Objects.requireNonNullElse(job.getSpec().getCompletions(), 1)
                + " completions)");
    }

    private static Optional<String> crd(CustomResourceDefinition crd) {
        if (crd == null) {
            return Optional.of("it no longer exists");
        }
        boolean established = crd.getStatus() != null && crd.getStatus().getConditions() != null
                && crd.getStatus().getConditions().stream().anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
        return established ? Optional.empty() : Optional.of("not Established");
    }

    /** Read generically: every kind that reports conditions keeps them in {@code status.conditions}. */
    private List<Condition> conditions(Map<String, Object> live) {
        return Stream.of(live.get("status")).filter(Map.class::isInstance).map(status -> ((Map<?, ?>) status).get("conditions"))
                .filter(List.class::isInstance).flatMap(list -> ((List<?>) list).stream())
                .filter(Map.class::isInstance).map(Map.class::cast)
                .map(c -> new Condition(text(c.get("type")), text(c.get("status")), text(c.get("reason")), text(c.get("message"))))
                .toList();
    }

    /** The pods a workload selects, by {@code spec.selector}; empty for other kinds. */
    private Optional<LabelSelector> selector(AppliedObject object, Map<String, Object> live) {
        if (!WORKLOADS.contains(kindOf(object))) {
            return Optional.empty();
        }
        return Optional.ofNullable(live.get("spec")).filter(Map.class::isInstance).map(spec -> ((Map<?, ?>) spec).get("selector"))
                .map(selector -> client.getKubernetesSerialization().convertValue(selector, LabelSelector.class));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String podState(Pod pod) {
        String phase = pod.getStatus() == null ? "unknown" : pod.getStatus().getPhase();
        List<ContainerStatus> containers = pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                ? List.of() : pod.getStatus().getContainerStatuses();
        String states = containers.stream().map(Readiness::containerState).filter(Objects::nonNull)
                .collect(Collectors.joining("; "));
        return phase + (states.isEmpty() ? "" : ", " + states);
    }

    private static String containerState(ContainerStatus container) {
        if (container.getState() == null) {
            return null;
        }
        if (container.getState().getWaiting() != null) {
            var waiting = container.getState().getWaiting();
            return container.getName() + " waiting: " + waiting.getReason()
                    + (waiting.getMessage() != null ? " (" + waiting.getMessage() + ")" : "");
        }
        if (container.getState().getTerminated() != null) {
            var terminated = container.getState().getTerminated();
            return container.getName() + " terminated: " + terminated.getReason() + " exit " + terminated.getExitCode();
        }
        return Boolean.TRUE.equals(container.getReady()) ? null : container.getName() + " running, not ready";
    }

    /** The object's most recent events, newest last. */
    private List<String> events(String namespace, String involvedName) {
        List<Event> events = client.v1().events().inNamespace(namespace).withField("involvedObject.name", involvedName)
                .list().getItems();
        return events.stream()
                .sorted(Comparator.comparing(Readiness::lastSeen))
                .skip(Math.max(0, events.size() - MAX_EVENTS))
                .map(event -> "event " + event.getType() + " " + event.getReason() + ": " + event.getMessage().strip()
                        + (zeroIfNull(event.getCount()) > 1 ? " (x" + event.getCount() + ")" : ""))
                .toList();
    }

    private static String lastSeen(Event event) {
        return Objects.requireNonNullElse(event.getLastTimestamp(), Objects.requireNonNullElse(event.getEventTime() == null
                ? null : event.getEventTime().getTime(), ""));
    }

    private static int zeroIfNull(Integer value) {
        return value == null ? 0 : value;
    }
}
