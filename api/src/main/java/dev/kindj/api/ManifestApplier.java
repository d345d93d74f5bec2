package dev.kindj.api;

import dev.kindj.InvalidRequestException;
import dev.kindj.KindjException;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import io.fabric8.kubernetes.client.dsl.FieldValidateable;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies manifest objects server-side, in document order, as field manager {@value #FIELD_MANAGER}. An object of a
 * kind that a CustomResourceDefinition earlier in the same call defines waits until the API serves that kind.
 */
final class ManifestApplier {

    static final String FIELD_MANAGER = "kindj";
    /** How long a kind defined by a CRD of the same call may take to be served. */
    private static final Duration NEW_KIND_WAIT = Duration.ofSeconds(60);

    private final KubernetesClient client;
    /**
     * The same connection without fabric8's retries: it retries every 5xx for about 20 s, and the API server answers
     * an unknown field with one (see {@link #rejected}), so a typo would otherwise take that long to be reported.
     */
    private final KubernetesClient withoutRetries;
    private final Map<String, Optional<APIResourceList>> discovery = new HashMap<>();
    private final List<CustomResourceDefinition> definedHere = new ArrayList<>();

    ManifestApplier(KubernetesClient client) {
        this.client = client;
        this.withoutRetries = client.newClient(new RequestConfigBuilder(client.getConfiguration().getRequestConfig())
                .withRequestRetryBackoffLimit(0).build()).adapt(KubernetesClient.class);
    }

    AppliedManifests apply(List<Manifests> manifests) {
        List<AppliedObject> applied = new ArrayList<>();
        for (Manifests manifest : manifests) {
            for (ManifestObject object : manifest.objects()) {
                applied.add(apply(object));
            }
        }
        return new AppliedManifests(client, applied);
    }

    /**
     * The object as the API serves it, without applying it: its type, and for a namespaced kind its namespace (the
     * one it names, else {@code defaultNamespace}).
     */
    AppliedObject locate(ManifestObject object, String defaultNamespace) {
        ResourceDefinitionContext type = resourceType(object);
        return new AppliedObject(object, type,
                type.isNamespaceScoped() ? Optional.ofNullable(object.namespace()).orElse(defaultNamespace) : null);
    }

    private AppliedObject apply(ManifestObject object) {
        AppliedObject located = locate(object, client.getNamespace());
        ResourceDefinitionContext type = located.type();
        String namespace = located.namespace();
        GenericKubernetesResource resource = client.getKubernetesSerialization()
                .convertValue(object.content(), GenericKubernetesResource.class);
        try {
            serverSideApply(withoutRetries, type, namespace, resource);
        } catch (KubernetesClientException e) {
            if (rejected(e)) {
                throw new InvalidRequestException(failure(object, namespace, e));
            }
            // Anything else (the API server busy, a webhook whose pod is not ready yet) gets the client's retries.
            try {
                serverSideApply(client, type, namespace, resource);
            } catch (KubernetesClientException again) {
                throw new KindjException(failure(object, namespace, again), again);
            }
        }
        if ("CustomResourceDefinition".equals(object.kind())) {
            definedHere.add(client.getKubernetesSerialization().convertValue(object.content(), CustomResourceDefinition.class));
        }
        return located;
    }

    private static void serverSideApply(KubernetesClient client, ResourceDefinitionContext type, String namespace,
            GenericKubernetesResource resource) {
        var operation = client.genericKubernetesResources(type);
        var target = namespace != null ? operation.inNamespace(namespace).resource(resource) : operation.resource(resource);
        target.fieldValidation(FieldValidateable.Validation.STRICT).fieldManager(FIELD_MANAGER).forceConflicts()
                .serverSideApply();
    }

    private static String failure(ManifestObject object, String namespace, KubernetesClientException e) {
        return object.where() + ": applying " + object.kind() + " " + qualified(namespace, object.name()) + " failed: "
                + reason(e);
    }

    /** What the API serves for the object's apiVersion and kind. */
    private ResourceDefinitionContext resourceType(ManifestObject object) {
        Optional<APIResource> served = served(object);
        if (served.isEmpty() && definedHereFor(object)) {
            Instant deadline = Instant.now().plus(NEW_KIND_WAIT);
            while (served.isEmpty() && Instant.now().isBefore(deadline)) {
                pause();
                discovery.remove(object.apiVersion());
                served = served(object);
            }
        }
        return served.map(resource -> ResourceDefinitionContext.fromApiResource(object.apiVersion(), resource))
                .orElseThrow(() -> new InvalidRequestException(object.where() + ": the cluster serves no kind "
                        + object.kind() + " in apiVersion " + object.apiVersion() + (definedHereFor(object)
                                ? ", although a CustomResourceDefinition applied before it defines it (not served after "
                                        + NEW_KIND_WAIT.toSeconds() + " s)"
                                : ": the CustomResourceDefinition that defines it is missing (or the apiVersion is"
                                        + " misspelt); apply the CRD first, in an earlier document or manifest")));
    }

    private Optional<APIResource> served(ManifestObject object) {
        Optional<APIResourceList> resources = discovery.computeIfAbsent(object.apiVersion(), this::discover);
        return resources.stream().flatMap(list -> list.getResources().stream())
                .filter(resource -> !resource.getName().contains("/") && resource.getKind().equals(object.kind()))
                .findFirst();
    }

    private Optional<APIResourceList> discover(String apiVersion) {
        try {
            return Optional.ofNullable(client.getApiResources(apiVersion));
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                return Optional.empty();
            }
            throw new KindjException("cannot list the kinds of " + apiVersion + ": " + reason(e), e);
        }
    }

    private boolean definedHereFor(ManifestObject object) {
        String group = object.apiVersion().contains("/") ? object.apiVersion().substring(0, object.apiVersion().indexOf('/')) : "";
        return definedHere.stream().anyMatch(crd -> crd.getSpec() != null && group.equals(crd.getSpec().getGroup())
                && crd.getSpec().getNames() != null && object.kind().equals(crd.getSpec().getNames().getKind()));
    }

    /**
     * Whether the server refused the object itself. Server-side apply reports a field its schema lacks as an internal
     * error (500) "failed to create typed patch object", though the object is at fault.
     */
    private static boolean rejected(KubernetesClientException e) {
        return e.getCode() >= HttpURLConnection.HTTP_BAD_REQUEST && e.getCode() < HttpURLConnection.HTTP_INTERNAL_ERROR
                || reason(e).startsWith("failed to create typed patch object");
    }

    static String qualified(String namespace, String name) {
        return namespace != null ? namespace + "/" + name : name;
    }

    /** The API server's own words, without fabric8's request line. */
    static String reason(KubernetesClientException e) {
        return e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
    }

    static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KindjException("interrupted while applying manifests", e);
        }
    }
}
