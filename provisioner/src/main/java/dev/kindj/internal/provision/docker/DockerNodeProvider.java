package dev.kindj.internal.provision.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.SaveImagesCmd;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.core.DockerClientConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.SSLConfig;
import dev.kindj.config.Ipv4Cidr;
import dev.kindj.config.PortMapping;
import dev.kindj.internal.provision.Parallel;
import dev.kindj.internal.provision.images.ImageName;
import dev.kindj.internal.provision.node.BootFiles;
import dev.kindj.internal.provision.node.EngineImage;
import dev.kindj.internal.provision.node.ExecResult;
import dev.kindj.internal.provision.node.Node;
import dev.kindj.internal.provision.node.NodeFile;
import dev.kindj.internal.provision.node.NodeProvider;
import dev.kindj.internal.provision.node.NodeRole;
import dev.kindj.internal.provision.node.NodeSpec;
import dev.kindj.internal.provision.plan.LoadBalancerAddresses;
import dev.kindj.internal.provision.preflight.HostReadings;
import dev.kindj.internal.provision.preflight.HostReadings.NamedSubnet;
import dev.kindj.internal.provision.registry.LocalRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Node containers on a Docker engine: one user-defined bridge network per cluster, fixed IPs. */
public final class DockerNodeProvider implements NodeProvider {

    private static final Logger LOG = LoggerFactory.getLogger(DockerNodeProvider.class);
    /**
     * Whether this engine grants --privileged: learned on the first node and kept for the process; a refusal is also
     * remembered across processes ({@link PrivilegeRefusals}).
     */
    private static final AtomicReference<NodeContainerSettings.Rights> RIGHTS = new AtomicReference<>();

    /** Linux's default ephemeral port range, the one Docker picks published ports from. */
    private static final int EPHEMERAL_PORTS_FROM = 32768;
    private static final int EPHEMERAL_PORTS_TO = 60999;

    private final LazyDockerClient docker;
    private final EngineApi engine;
    private final URI dockerHost;
    /** TLS to the engine (DOCKER_TLS_VERIFY, DOCKER_CERT_PATH), or null */
    private final SSLConfig tls;
    private String engineAddress;
    /** The engine's {@code /info}: what the preflight and the privilege check read of it does not change. */
    private JsonNode engineInfo;

    private DockerNodeProvider(LazyDockerClient docker, EngineApi engine, URI dockerHost, SSLConfig tls) {
        this.docker = docker;
        this.engine = engine;
        this.dockerHost = dockerHost;
        this.tls = tls;
    }

    /** Connects to the engine DOCKER_HOST, a Docker context or the default socket names. */
    public static DockerNodeProvider connect() {
        return PlainEngineSocket.find().map(DockerNodeProvider::overSocket).orElseGet(() -> {
            DockerClientConfig config = DockerClients.config();
            DockerClient docker = DockerClients.connect(config);
            // DockerClients always makes a DockerClientImpl
            EngineApi engine = new EngineApi(((DockerClientImpl) docker).getHttpClient());
            return new DockerNodeProvider(LazyDockerClient.of(docker), engine, config.getDockerHost(),
                    config.getSSLConfig());
        });
    }

    /**
     * An engine on a Unix socket named only by DOCKER_HOST or the default: look-ups go over the socket with the JDK
     * alone, and docker-java is made when a command first needs it (what `kindj get clusters` costs,
     * bench/cli-start.sh).
     */
    private static DockerNodeProvider overSocket(URI dockerHost) {
        EngineApi engine = new EngineApi(new UnixSocketHttp(Path.of(dockerHost.getPath())));
        engine.ping(dockerHost);
        LazyDockerClient docker = LazyDockerClient.of(() -> DockerClients.connect(DockerClients.config()));
        return new DockerNodeProvider(docker, engine, dockerHost, null);
    }

    public static String networkName(String clusterName) {
        return "kindj-" + clusterName;
    }

    @Override
    public HostReadings host() {
        return new DockerHostReadings(engine, dockerHost, this::engineInfo);
    }

    /** The engine's kindj local registries. */
    public DockerRegistries registries() {
        return new DockerRegistries(docker, engine, host());
    }

    @Override
    public Optional<LocalRegistry> findRegistry(String registryName) {
        return registries().find(registryName);
    }

    @Override
    public void connectRegistry(String registryName, String clusterName) {
        registries().connect(registryName, clusterName);
    }

    @Override
    public String createNetwork(String clusterName) {
        // Host routes count as taken too: a cluster network over, say, a VPN's range would cut the nodes off from it.
        List<Ipv4Cidr> taken = new ArrayList<>(host().takenSubnets().value().stream().map(NamedSubnet::cidr).toList());
        while (true) {
            Ipv4Cidr subnet = SubnetAllocator.firstFree(taken).orElseThrow(() -> new IllegalStateException(
                    "no free /24 left in 172.28.0.0/14 for a cluster network; delete unused Docker networks"));
            try {
                docker.get().createNetworkCmd()
                        .withName(networkName(clusterName))
                        .withDriver("bridge")
                        .withCheckDuplicate(true)
                        .withLabels(KindjLabels.forCluster(clusterName))
                        .withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config()
                                .withSubnet(subnet.toString())
                                .withIpRange(LoadBalancerAddresses.containerRange(subnet).toString())
                                .withGateway(subnet.address(1))))
                        .exec();
                return subnet.toString();
            } catch (DockerException e) {
                // Another cluster may have taken the same subnet between our look and our create.
                if (e.getMessage() == null || !e.getMessage().contains("overlap")) {
                    throw e;
                }
                taken.add(subnet);
            }
        }
    }

    @Override
    public Optional<String> networkSubnet(String clusterName) {
        return docker.get().listNetworksCmd().withNameFilter(networkName(clusterName)).exec().stream()
                .filter(network -> network.getName().equals(networkName(clusterName)))
                .flatMap(network -> network.getIpam().getConfig().stream())
                .map(Network.Ipam.Config::getSubnet)
                .filter(Objects::nonNull)
                .findFirst();
    }

    /**
     * On Docker's containerd image store a multi-platform image's ID is its index's digest. Only the engine's own
     * platform is sent to nodes (see {@link #saveImages}), so such an image is known by that platform's manifest,
     * the image a node holds after loading it.
     */
    @Override
    public Optional<EngineImage> findImage(String reference) {
        return engine.find(imagePath(reference, "")).map(image -> {
            List<String> names = new ArrayList<>();
            image.path("RepoTags").forEach(name -> names.add(name.asText()));
            String id = isIndex(image) ? platformManifest(reference).orElse(image.path("Id").asText())
                    : image.path("Id").asText();
            return new EngineImage(id, names);
        });
    }

    /**
     * A multi-platform image on Docker's containerd image store often holds the content of one platform only (the one
     * pulled); saved whole, its archive names manifests it lacks, and containerd in the node refuses it ("content
     * digest not found", kind#3795). Such images are saved for the engine's platform, the nodes' (API 1.48+).
     */
    @Override
    public InputStream saveImages(List<String> names) {
        if (names.stream().noneMatch(name -> engine.find(imagePath(name, "")).filter(DockerNodeProvider::isIndex)
                .isPresent())) {
            SaveImagesCmd save = docker.get().saveImagesCmd();
            names.stream().map(ImageName::parse).forEach(name -> save.withImage(name.repository(), name.tag()));
            return save.exec();
        }
        StringBuilder query = new StringBuilder("/images/get?platform=")
                .append(EngineApi.encode(enginePlatform().toString()));
        names.forEach(name -> query.append("&names=").append(EngineApi.encode(name)));
        return engine.stream(query.toString());
    }

    private static boolean isIndex(JsonNode image) {
        return image.path("Descriptor").path("mediaType").asText().endsWith("image.index.v1+json")
                || image.path("Descriptor").path("mediaType").asText().endsWith("manifest.list.v2+json");
    }

    /** The digest of the manifest for the engine's platform, when the engine has that platform's content. */
    private Optional<String> platformManifest(String reference) {
        JsonNode platform = enginePlatform();
        for (JsonNode manifest : engine.get(imagePath(reference, "?manifests=1")).path("Manifests")) {
            JsonNode described = manifest.path("ImageData").path("Platform");
            if ("image".equals(manifest.path("Kind").asText()) && manifest.path("Available").asBoolean()
                    && described.path("os").equals(platform.path("os"))
                    && described.path("architecture").equals(platform.path("architecture"))) {
                return Optional.of(manifest.path("Descriptor").path("digest").asText());
            }
        }
        return Optional.empty();
    }

    /** The engine's OS and architecture as an OCI platform: the nodes' platform. */
    private ObjectNode enginePlatform() {
        JsonNode version = engine.get("/version");
        return JsonNodeFactory.instance.objectNode().put("os", version.path("Os").asText())
                .put("architecture", version.path("Arch").asText());
    }

    private static String imagePath(String reference, String query) {
        return "/images/" + EngineApi.encode(reference) + "/json" + query;
    }

    @Override
    public String inspectNode(String nodeName) {
        try {
            // Empty objects are written, as Docker itself writes them for exposed ports and volumes.
            return new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).writerWithDefaultPrettyPrinter()
                    .writeValueAsString(docker.get().inspectContainerCmd(nodeName).exec());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write what Docker knows of " + nodeName, e);
        }
    }

    @Override
    public void copyConsole(String nodeName, OutputStream out) {
        try {
            docker.get().logContainerCmd(nodeName).withStdOut(true).withStdErr(true).withTimestamps(true)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            try {
                                out.write(frame.getPayload());
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    }).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the console of " + nodeName, e);
        }
    }

    /**
     * One follow of the console (no polling); lines stamped before the container's latest start are an earlier
     * start's. The engine ends the follow when the container stops.
     */
    @Override
    public boolean awaitConsoleLine(String nodeName, String line, Duration timeout) throws InterruptedException {
        Instant started = Instant.parse(docker.get().inspectContainerCmd(nodeName).exec().getState().getStartedAt());
        CompletableFuture<Boolean> seen = new CompletableFuture<>();
        ResultCallback.Adapter<Frame> follow = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                // with timestamps, each frame is one line: "TIME LINE\n"
                String entry = new String(frame.getPayload(), StandardCharsets.UTF_8).stripTrailing();
                int space = entry.indexOf(' ');
                if (space > 0 && entry.substring(space + 1).equals(line)
                        && !Instant.parse(entry.substring(0, space)).isBefore(started)) {
                    seen.complete(true);
                }
            }

            @Override
            public void onComplete() {
                seen.complete(false);
                super.onComplete();
            }

            @Override
            public void onError(Throwable error) {
                seen.completeExceptionally(error);
                super.onError(error);
            }
        };
        try (follow) {
            docker.get().logContainerCmd(nodeName).withStdOut(true).withStdErr(true).withTimestamps(true)
                    .withFollowStream(true).withSince((int) started.getEpochSecond()).exec(follow);
            return seen.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("following the console of " + nodeName + " failed", e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<InputStream> copyDirectoryOut(String nodeName, String path) {
        try {
            return Optional.of(docker.get().copyArchiveFromContainerCmd(nodeName, path).exec());
        } catch (NotFoundException noSuchDirectory) {
            return Optional.empty();
        }
    }

    @Override
    public Node createNode(NodeSpec spec, BootFiles bootFiles) {
        if (spec.role() == NodeRole.LOAD_BALANCER) {
            return createAndStartLoadBalancer(spec, bootFiles);
        }
        NodeContainerSettings.Rights rights = RIGHTS.get();
        if (rights == null) {
            // Nodes created at once would each try --privileged, and each refusal costs a filled /var volume:
            // one node learns what the engine grants while the others wait.
            synchronized (RIGHTS) {
                if (RIGHTS.get() == null) {
                    return createLearningRights(spec, bootFiles);
                }
            }
            rights = RIGHTS.get();
        }
        return createAndStart(spec, rights, bootFiles);
    }

    private Node createLearningRights(NodeSpec spec, BootFiles bootFiles) {
        PrivilegeRefusals refusals = PrivilegeRefusals.inUserCache();
        JsonNode info = engineInfo();
        String engineKey = PrivilegeRefusals.engineKey(info.path("ID").asText(), info.path("ServerVersion").asText(),
                info.path("KernelVersion").asText());
        if (!refusals.refused(engineKey)) {
            try {
                Node node = createAndStart(spec, NodeContainerSettings.Rights.PRIVILEGED, bootFiles);
                RIGHTS.set(NodeContainerSettings.Rights.PRIVILEGED);
                return node;
            } catch (DockerException e) {
                removeContainer(spec.name());
                LOG.debug("the engine refused a privileged node ({}); using explicit capabilities instead",
                        e.getMessage());
                refusals.remember(engineKey);
            }
        }
        RIGHTS.set(NodeContainerSettings.Rights.EXPLICIT);
        return createAndStart(spec, NodeContainerSettings.Rights.EXPLICIT, bootFiles);
    }

    private synchronized JsonNode engineInfo() {
        if (engineInfo == null) {
            engineInfo = engine.get("/info");
        }
        return engineInfo;
    }

    private Node createAndStart(NodeSpec spec, NodeContainerSettings.Rights rights, BootFiles bootFiles) {
        CreateContainerResponse created = containerCommand(spec)
                .withVolumes(NodeContainerSettings.anonymousVolumes())
                .withStopSignal("SIGRTMIN+3")
                .withTty(true)
                .withEnv("container=docker")
                .withHostConfig(NodeContainerSettings.hostConfig(spec, networkName(spec.clusterName()), rights))
                .exec();
        return start(spec, created, bootFiles);
    }

    /** The load balancer runs only haproxy: no systemd, no extra rights, and the image's own stop signal. */
    private Node createAndStartLoadBalancer(NodeSpec spec, BootFiles bootFiles) {
        CreateContainerResponse created = containerCommand(spec)
                .withHostConfig(NodeContainerSettings.loadBalancerHostConfig(spec, networkName(spec.clusterName())))
                .exec();
        return start(spec, created, bootFiles);
    }

    @Override
    public Node createCommandNode(NodeSpec spec, List<String> command, List<NodeFile> files) {
        CreateContainerResponse created = containerCommand(spec)
                .withEntrypoint(command)
                .withCmd(List.of())
                // the script ends its components on SIGTERM; the image's own stop signal is systemd's
                .withStopSignal("SIGTERM")
                .withHostConfig(NodeContainerSettings.commandNodeHostConfig(spec, networkName(spec.clusterName())))
                .exec();
        return start(spec, created, BootFiles.of(files));
    }

    private CreateContainerCmd containerCommand(NodeSpec spec) {
        Map<String, String> labels = KindjLabels.forCluster(spec.clusterName());
        labels.putAll(spec.extraLabels());
        labels.put(KindjLabels.ROLE, spec.role().label());
        labels.put(KindjLabels.IP, spec.ipAddress());
        return docker.get().createContainerCmd(spec.image())
                .withName(spec.name())
                .withHostName(spec.name())
                .withLabels(labels)
                .withIpv4Address(spec.ipAddress())
                .withExposedPorts(NodeContainerSettings.exposedPorts(spec.ports()));
    }

    /** Writes the boot files into the created container, so that what it starts finds them at once, and starts it. */
    private Node start(NodeSpec spec, CreateContainerResponse created, BootFiles bootFiles) {
        long startMillis = System.currentTimeMillis();
        List<NodeFile> files = bootFiles.files(path -> copyOut(created.getId(), path));
        if (!files.isEmpty()) {
            copyIn(created.getId(), files);
        }
        long copiedMillis = System.currentTimeMillis();
        docker.get().startContainerCmd(created.getId()).exec();
        LOG.debug("writing {} files into container {} took {} ms, starting it {} ms", files.size(), spec.name(),
                copiedMillis - startMillis, System.currentTimeMillis() - copiedMillis);
        return new Node(spec.name(), spec.clusterName(), spec.role(), spec.ipAddress(), "running", spec.image());
    }

    @Override
    public List<String> listClusters() {
        // Plain JSON (EngineApi): this is all `kindj get clusters` does, and docker-java's models would double its time.
        String labelled = EngineApi.labelFilter(KindjLabels.CLUSTER, null);
        TreeSet<String> names = new TreeSet<>();
        for (String list : List.of("/containers/json?all=1&" + labelled, "/networks?" + labelled)) {
            engine.get(list).forEach(found -> names.add(found.path("Labels").path(KindjLabels.CLUSTER).asText()));
        }
        return List.copyOf(names);
    }

    @Override
    public List<Node> listNodes(String clusterName) {
        List<Node> nodes = new ArrayList<>();
        clusterContainers(clusterName).forEach(container -> nodes.add(new Node(
                container.path("Names").path(0).asText().substring(1),
                clusterName,
                NodeRole.fromLabel(container.path("Labels").path(KindjLabels.ROLE).asText(null)),
                container.path("Labels").path(KindjLabels.IP).asText(null),
                container.path("State").asText(),
                container.path("Image").asText())));
        nodes.sort(Comparator.comparing(Node::name));
        return List.copyOf(nodes);
    }

    /** The cluster's containers as {@code docker ps -a} lists them, in plain JSON (EngineApi). */
    private JsonNode clusterContainers(String clusterName) {
        return engine.get("/containers/json?all=1&" + EngineApi.labelFilter(KindjLabels.CLUSTER, clusterName));
    }

    @Override
    public String engineAddress() {
        if (engineAddress == null) {
            engineAddress = EngineAddress.of(dockerHost);
        }
        return engineAddress;
    }

    /**
     * On a remote engine's host no socket can be tried from here: the port is one that none of the engine's containers
     * publishes, drawn at random from the range Docker itself draws from. Should another program on that host hold
     * it, starting the node fails and says which port.
     */
    @Override
    public int freeHostPort(PortMapping mapping) {
        if (EngineAddress.LOOPBACK.equals(engineAddress())) {
            return NodeProvider.super.freeHostPort(mapping);
        }
        Set<Integer> taken = new HashSet<>();
        engine.get("/containers/json?all=1").forEach(container -> container.path("Ports")
                .forEach(port -> taken.add(port.path("PublicPort").asInt())));
        while (true) {
            int port = ThreadLocalRandom.current().nextInt(EPHEMERAL_PORTS_FROM, EPHEMERAL_PORTS_TO + 1);
            if (!taken.contains(port)) {
                return port;
            }
        }
    }

    @Override
    public Optional<String> publishedEndpoint(String nodeName, int containerPort) {
        var bindings = docker.get().inspectContainerCmd(nodeName).exec().getNetworkSettings().getPorts().getBindings();
        return bindings.entrySet().stream()
                .filter(entry -> entry.getKey().getPort() == containerPort && entry.getValue() != null && entry.getValue().length > 0)
                .map(entry -> entry.getValue()[0])
                .map(binding -> {
                    String host = binding.getHostIp();
                    boolean wildcard = host == null || host.isEmpty() || host.equals("0.0.0.0");
                    return (wildcard ? engineAddress() : host) + ":" + binding.getHostPortSpec();
                })
                .findFirst();
    }

    @Override
    public Map<Integer, Integer> publishedPorts(String nodeName) {
        InspectContainerResponse container = docker.get().inspectContainerCmd(nodeName).exec();
        Map<Integer, Integer> published = new HashMap<>();
        container.getNetworkSettings().getPorts().getBindings().forEach((exposed, bindings) -> {
            if (bindings != null && bindings.length > 0) {
                published.put(exposed.getPort(), Integer.parseInt(bindings[0].getHostPortSpec()));
            }
        });
        return published;
    }

    @Override
    public ExecResult exec(String nodeName, List<String> command, InputStream stdin) {
        long start = System.nanoTime();
        // Plain JSON requests (EngineApi): docker-java's exec commands made its client, models and callbacks for the
        // few exec requests of a command such as `kindj load docker-image` of images the nodes have.
        String execId = engine.createExec(nodeName, command, stdin != null);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        if (stdin != null) {
            StdinExec.run(dockerHost, tls, execId, stdin, stdout, stderr);
        } else {
            engine.runExec(execId, stdout, stderr);
        }
        int exit = engine.execExitCode(execId);
        // The command only: stdin can carry keys and certificates.
        LOG.debug("exec on {}: {} -> exit {} in {} ms", nodeName, String.join(" ", command), exit,
                (System.nanoTime() - start) / 1_000_000);
        return new ExecResult(command, exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    @Override
    public void copyIn(String nodeName, List<NodeFile> files) {
        docker.get().copyArchiveToContainerCmd(nodeName)
                .withRemotePath("/")
                .withTarInputStream(new java.io.ByteArrayInputStream(tar(files)))
                .exec();
    }

    private static byte[] tar(Collection<NodeFile> files) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(buffer)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            // control-plane user ids do not fit the header's 7 octal digits; the engine keeps the entries' owners
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (NodeFile file : files) {
                TarArchiveEntry entry = new TarArchiveEntry(file.path().substring(1));
                entry.setSize(file.content().length);
                entry.setMode(file.mode());
                entry.setUserId(file.owner());
                entry.setGroupId(file.owner());
                tar.putArchiveEntry(entry);
                tar.write(file.content());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    @Override
    public byte[] copyOut(String nodeName, String path) {
        try (InputStream archive = docker.get().copyArchiveFromContainerCmd(nodeName, path).exec();
                TarArchiveInputStream tar = new TarArchiveInputStream(archive)) {
            TarArchiveEntry entry = tar.getNextEntry();
            if (entry == null || !entry.isFile()) {
                throw new IllegalArgumentException(path + " on node " + nodeName + " is not a regular file");
            }
            return tar.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void deleteCluster(String clusterName) {
        // Killed and removed all at once, with their /var volumes: a cluster being deleted needs no graceful stop.
        // Plain requests (EngineApi) throughout: docker-java's client and models are never made for a delete.
        List<JsonNode> containers = new ArrayList<>();
        clusterContainers(clusterName).forEach(containers::add);
        Parallel.forEach("removing the nodes of " + clusterName, containers,
                container -> removeNodeContainer(container.path("Id").asText()));
        engine.get("/networks?" + EngineApi.labelFilter(KindjLabels.CLUSTER, clusterName)).forEach(network -> {
            registries().disconnectAll(network.path("Name").asText());
            engine.delete("/networks/" + network.path("Id").asText());
        });
    }

    @Override
    public void stopNode(String nodeName) {
        try {
            docker.get().stopContainerCmd(nodeName).exec();
        } catch (NotModifiedException alreadyStopped) {
            // the goal is met
        }
    }

    @Override
    public void startNode(String nodeName) {
        try {
            docker.get().startContainerCmd(nodeName).exec();
        } catch (NotModifiedException alreadyRunning) {
            // the goal is met
        }
    }

    @Override
    public void removeNode(String nodeName) {
        removeNodeContainer(nodeName);
    }

    /**
     * Removes a node container, and when Docker cannot, thaws its frozen cgroups and tries again: a process in a frozen
     * cgroup cannot die, so Docker fails to kill such a node ("did not receive an exit event") and leaves it running
     * without its init, where no exec works; its cgroups are thawed from the engine's host instead. Thawing only on
     * failure keeps an exec per node out of every delete: with the cgroupfs driver nothing freezes a node's pods.
     */
    private void removeNodeContainer(String idOrName) {
        try {
            removeContainer(idOrName);
        } catch (DockerException e) {
            if (e.getHttpStatus() != 500) {
                throw e;
            }
            LOG.warn("Docker could not remove {} ({}); thawing its cgroups from the engine's host and trying again",
                    idOrName, e.getMessage().strip());
            CgroupThaw.fromEngineHost(docker.get(), docker.get().inspectContainerCmd(idOrName).exec());
            removeContainer(idOrName);
        }
    }

    @Override
    public Instant startedAt(String nodeName) {
        return Instant.parse(docker.get().inspectContainerCmd(nodeName).exec().getState().getStartedAt());
    }

    /** Kills and removes a container with its anonymous volumes; one that is gone already is no error. */
    private void removeContainer(String idOrName) {
        engine.delete("/containers/" + EngineApi.encode(idOrName) + "?force=1&v=1");
    }

    @Override
    public void close() {
        docker.close();
    }
}
