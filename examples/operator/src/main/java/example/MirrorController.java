package example;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

/**
 * A small operator: every ConfigMap labelled {@code example.dev/mirror=true} gets a mirror, {@code <name>-mirror},
 * with the same data, kept up to date, and owned by its source so that Kubernetes' garbage collector deletes it with
 * the source.
 */
public final class MirrorController implements AutoCloseable {

    public static final String LABEL = "example.dev/mirror";
    public static final String SUFFIX = "-mirror";

    private final KubernetesClient client;
    private SharedIndexInformer<ConfigMap> informer;

    public MirrorController(KubernetesClient client) {
        this.client = client;
    }

    /** Watches labelled ConfigMaps in the client's namespace; each add or change is reconciled at once. */
    public MirrorController start() {
        informer = client.configMaps().withLabel(LABEL, "true").inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(ConfigMap source) {
                reconcile(source);
            }

            @Override
            public void onUpdate(ConfigMap before, ConfigMap source) {
                reconcile(source);
            }

            @Override
            public void onDelete(ConfigMap source, boolean finalStateUnknown) {
                // the mirror's owner reference lets the garbage collector delete it
            }
        });
        return this;
    }

    private void reconcile(ConfigMap source) {
        ConfigMap mirror = new ConfigMapBuilder()
                .withNewMetadata()
                .withName(source.getMetadata().getName() + SUFFIX)
                .withNamespace(source.getMetadata().getNamespace())
                .addNewOwnerReference()
                .withApiVersion("v1").withKind("ConfigMap")
                .withName(source.getMetadata().getName()).withUid(source.getMetadata().getUid())
                .withController(true)
                .endOwnerReference()
                .endMetadata()
                .withData(source.getData())
                .build();
        client.configMaps().resource(mirror).fieldManager("mirror-controller").forceConflicts().serverSideApply();
    }

    @Override
    public void close() {
        if (informer != null) {
            informer.close();
        }
    }
}
