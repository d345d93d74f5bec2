package dev.kindj.junit.extension;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import dev.kindj.internal.provision.docker.DockerClients;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The clusters whose containers the Docker engine created while this watched: evidence independent of what
 * the extension reports. Watched live because the engine keeps only its last few hundred events.
 */
final class ContainerCreations implements AutoCloseable {

    private static final String CLUSTER_LABEL = "dev.kindj.cluster";

    private final DockerClient docker;
    private final Set<String> clusters = new ConcurrentSkipListSet<>();
    private final ResultCallback.Adapter<Event> callback;

    private ContainerCreations(DockerClient docker, String prefix) throws InterruptedException {
        this.docker = docker;
        CountDownLatch listening = new CountDownLatch(1);
        this.callback = docker.eventsCmd()
                .withEventTypeFilter(EventType.CONTAINER)
                .withEventFilter("create")
                .withLabelFilter(CLUSTER_LABEL)
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onStart(Closeable stream) {
                        super.onStart(stream);
                        listening.countDown();
                    }

                    @Override
                    public void onNext(Event event) {
                        String cluster = event.getActor().getAttributes().get(CLUSTER_LABEL);
                        if (cluster.startsWith(prefix)) {
                            clusters.add(cluster);
                        }
                    }
                });
        if (!listening.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the Docker event stream did not start");
        }
    }

    /** Starts watching for containers of clusters whose names start with {@code prefix}. */
    static ContainerCreations watch(String prefix) throws InterruptedException {
        return new ContainerCreations(DockerClients.connect(), prefix);
    }

    List<String> clusters() {
        return List.copyOf(clusters);
    }

    @Override
    public void close() throws IOException {
        callback.close();
        docker.close();
    }
}
