package dev.kindj.internal.provision.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import dev.kindj.InvalidRequestException;
import dev.kindj.config.PortMapping;
import dev.kindj.config.PortProtocol;
import dev.kindj.config.RegistryName;
import dev.kindj.internal.provision.node.UnknownNameException;
import dev.kindj.internal.provision.preflight.HostReadings;
import dev.kindj.internal.provision.registry.LocalRegistry;
import dev.kindj.internal.provision.Waits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * kindj's local registries on a Docker engine: one container each, labelled like clusters are, with its blobs in a
 * volume and its port published on 127.0.0.1 only. A registry serves the clusters whose networks it is attached to.
 */
public final class DockerRegistries {

    private static final String DATA_DIRECTORY = "/var/lib/registry";
    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final LazyDockerClient docker;
    private final EngineApi engine;
    private final HostReadings host;

    DockerRegistries(LazyDockerClient docker, EngineApi engine, HostReadings host) {
        this.docker = docker;
        this.engine = engine;
        this.host = host;
    }

    /** Every kindj registry, sorted by name. */
    public List<LocalRegistry> list() {
        return registryContainers(List.of(KindjLabels.REGISTRY)).stream().map(DockerRegistries::registry)
                .sorted(Comparator.comparing(LocalRegistry::name)).toList();
    }

    public Optional<LocalRegistry> find(String name) {
        return registryContainers(List.of(KindjLabels.REGISTRY + "=" + name)).stream().map(DockerRegistries::registry)
                .findFirst();
    }

    /**
     * Creates and starts a registry. Nothing is made when the name, its volume or the port is taken, and nothing is
     * left when Docker refuses it.
     *
     * @throws InvalidRequestException for an invalid or taken name or port
     */
    public LocalRegistry create(String name, int port, String image) {
        refuseUnavailable(name, port);
        String volume = LocalRegistry.volumeOf(name);
        Map<String, String> labels = KindjLabels.forRegistry(name);
        docker.get().createVolumeCmd().withName(volume).withLabels(labels).exec();
        labels.put(KindjLabels.REGISTRY_PORT, String.valueOf(port));
        ExposedPort registryPort = ExposedPort.tcp(LocalRegistry.CONTAINER_PORT);
        Ports bindings = new Ports();
        bindings.bind(registryPort, Ports.Binding.bindIpAndPort(LOOPBACK, port));
        try {
            docker.get().createContainerCmd(image)
                    .withName(name)
                    .withLabels(labels)
                    .withExposedPorts(registryPort)
                    .withHostConfig(HostConfig.newHostConfig()
                            .withPortBindings(bindings)
                            .withBinds(new Bind(volume, new Volume(DATA_DIRECTORY)))
                            // back after the engine restarts, like the clusters it serves
                            .withRestartPolicy(RestartPolicy.unlessStoppedRestart()))
                    .exec();
            docker.get().startContainerCmd(name).exec();
        } catch (DockerException e) {
            removeContainerAndVolume(name);
            String message = String.valueOf(e.getMessage());
            if (message.contains("port is already allocated") || message.contains("address already in use")) {
                throw portTaken(port);
            }
            throw e;
        }
        LocalRegistry registry = new LocalRegistry(name, port, "running");
        try {
            awaitAnswer(registry);
        } catch (RuntimeException e) {
            removeContainerAndVolume(name);
            throw e;
        }
        return registry;
    }

    /** A push right after creation must not reach a registry that is not listening yet (connection reset). */
    private void awaitAnswer(LocalRegistry registry) {
        URI api = URI.create("http://" + LOOPBACK + ":" + registry.hostPort() + "/v2/");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Waits.until("local registry " + registry.name() + " to answer on " + api, ANSWER_TIMEOUT,
                () -> answers(http, api),
                () -> docker.get().inspectContainerCmd(registry.name()).exec().getState().toString());
    }

    private static boolean answers(HttpClient http, URI api) {
        try {
            return http.send(HttpRequest.newBuilder(api).timeout(Duration.ofSeconds(1)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the registry", e);
        }
    }

    /**
     * Refuses what {@link #create} would refuse, without making anything: callers check before they build the image.
     *
     * @throws InvalidRequestException for an invalid or taken name or port
     */
    public void refuseUnavailable(String name, int port) {
        RegistryName.checked(name);
        if (port < 1 || port > 65535) {
            throw new InvalidRequestException("port " + port + " is not a TCP port; use 1-65535");
        }
        refuseTakenName(name);
        if (Boolean.TRUE.equals(host.portInUse(new PortMapping(LocalRegistry.CONTAINER_PORT, port, LOOPBACK,
                PortProtocol.TCP)).value())) {
            throw portTaken(port);
        }
    }

    /**
     * Removes the registry's container and volume, unless a cluster uses it.
     *
     * @throws UnknownNameException when there is no such registry
     * @throws InvalidRequestException naming the clusters that use it
     */
    public void delete(String name) {
        find(name).orElseThrow(() -> new UnknownNameException("no local registry named '" + name + "'"
                + known()));
        List<String> users = clustersUsing(name);
        if (!users.isEmpty()) {
            throw new InvalidRequestException("local registry '" + name + "' is used by cluster(s) "
                    + String.join(", ", users) + ", whose nodes pull from it; delete "
                    + (users.size() == 1 ? "that cluster" : "those clusters") + " first (kindj delete cluster --name "
                    + users.get(0) + ")");
        }
        removeContainerAndVolume(name);
    }

    /** The clusters whose networks the registry is attached to, sorted. */
    public List<String> clustersUsing(String name) {
        Set<String> attached = docker.get().inspectContainerCmd(name).exec().getNetworkSettings().getNetworks()
                .keySet();
        return docker.get().listNetworksCmd().withFilter("label", List.of(KindjLabels.CLUSTER)).exec().stream()
                .filter(network -> attached.contains(network.getName()))
                .map(network -> network.getLabels().get(KindjLabels.CLUSTER))
                .sorted().toList();
    }

    void connect(String name, String clusterName) {
        String network = DockerNodeProvider.networkName(clusterName);
        InspectContainerResponse container = docker.get().inspectContainerCmd(name).exec();
        if (!container.getNetworkSettings().getNetworks().containsKey(network)) {
            docker.get().connectToNetworkCmd().withNetworkId(network).withContainerId(name).exec();
        }
    }

    /**
     * Detaches every registry from a cluster network, which Docker removes only once nothing is attached. Plain JSON
     * (EngineApi): with the nodes' removal, this is all `kindj delete cluster` asks of the engine.
     */
    void disconnectAll(String network) {
        String registries = "/containers/json?all=1&" + EngineApi.labelFilter(KindjLabels.REGISTRY, null);
        for (JsonNode container : engine.get(registries)) {
            if (container.path("NetworkSettings").path("Networks").has(network)) {
                engine.post("/networks/" + EngineApi.encode(network) + "/disconnect",
                        "{\"Container\":\"" + container.path("Id").asText() + "\",\"Force\":true}");
            }
        }
    }

    private List<Container> registryContainers(List<String> labelFilter) {
        return docker.get().listContainersCmd().withShowAll(true).withLabelFilter(labelFilter).exec();
    }

    private static LocalRegistry registry(Container container) {
        Map<String, String> labels = container.getLabels();
        return new LocalRegistry(labels.get(KindjLabels.REGISTRY), Integer.parseInt(labels.get(KindjLabels.REGISTRY_PORT)),
                container.getState());
    }

    private void refuseTakenName(String name) {
        Optional<LocalRegistry> registry = find(name);
        if (registry.isPresent()) {
            throw new InvalidRequestException("local registry '" + name + "' exists already (on "
                    + registry.get().host() + "); use it, or choose another --name");
        }
        try {
            docker.get().inspectContainerCmd(name).exec();
            throw new InvalidRequestException("a container named '" + name + "' exists already and is not a kindj"
                    + " registry; choose another --name");
        } catch (NotFoundException free) {
            // the name is free
        }
        try {
            docker.get().inspectVolumeCmd(LocalRegistry.volumeOf(name)).exec();
            throw new InvalidRequestException("a Docker volume named '" + LocalRegistry.volumeOf(name) + "' exists"
                    + " already; choose another --name, or remove the volume (docker volume rm "
                    + LocalRegistry.volumeOf(name) + ") if you no longer need it");
        } catch (NotFoundException free) {
            // the volume's name is free
        }
    }

    private static InvalidRequestException portTaken(int port) {
        return new InvalidRequestException("port " + port + " on " + LOOPBACK + " is already in use; choose another"
                + " with --port, e.g. --port " + (port == 65535 ? port - 1 : port + 1));
    }

    private String known() {
        List<String> names = list().stream().map(LocalRegistry::name).toList();
        return names.isEmpty() ? "; there are none (kindj create registry makes one)"
                : "; kindj's registries are " + String.join(", ", names);
    }

    private void removeContainerAndVolume(String name) {
        try {
            docker.get().removeContainerCmd(name).withForce(true).exec();
        } catch (NotFoundException alreadyGone) {
            // nothing to remove
        }
        try {
            docker.get().removeVolumeCmd(LocalRegistry.volumeOf(name)).exec();
        } catch (NotFoundException alreadyGone) {
            // nothing to remove
        }
    }
}
