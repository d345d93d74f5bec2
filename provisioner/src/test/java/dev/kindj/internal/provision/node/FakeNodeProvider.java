package dev.kindj.internal.provision.node;

import dev.kindj.config.PortMapping;
import dev.kindj.internal.provision.preflight.FakeHostReadings;
import dev.kindj.internal.provision.registry.LocalRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Node containers in memory, for unit tests of code written against {@link NodeProvider}. Nodes behave as a healthy
 * node image: every command succeeds with no output, systemd says it is running, the image's cgroup-driver file is
 * there, and files copied in can be copied out again.
 *
 * <p>Every effect and command is recorded as a call such as {@code "createNode demo-worker"},
 * {@code "exec demo-control-plane: systemctl start etcd"} or {@code "copyIn demo-worker: /a /b"}. A call can be
 * answered with a scripted result ({@link #answer}) or made to fail once ({@link #failOnce}); a failing
 * {@code createNode} fails after the container exists, as when Docker creates a container and cannot start it.
 */
public final class FakeNodeProvider implements NodeProvider {

    private static final Map<String, String> IMAGE_FILES = Map.of(
            "/etc/kindj/cgroup-driver", "systemd\n",
            "/etc/passwd", "root:x:0:0:root:/root:/bin/bash\n",
            "/etc/group", "root:x:0:\n",
            "/etc/containerd/config.toml", "version = 3\n");
    private static final Instant STARTED = Instant.parse("2026-01-01T00:00:00Z");

    private static final String LOOPBACK = "127.0.0.1";
    private static final int REMOTE_FREE_PORT = 40000;

    private final List<String> calls = new ArrayList<>();
    private String engineAddress = LOOPBACK;
    private final Map<String, String> networks = new ConcurrentHashMap<>();
    private final Map<String, FakeNode> nodes = new ConcurrentHashMap<>();
    private final Set<String> images = ConcurrentHashMap.newKeySet();
    private final Map<String, LocalRegistry> registries = new ConcurrentHashMap<>();
    private final List<Answer> answers = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private int nextSubnet = 1;
    private final FakeHostReadings host = new FakeHostReadings();

    private record Answer(String callPart, int exitCode, String stdout) {
    }

    private record Failure(String callPart, Supplier<RuntimeException> error) {
    }

    private static final class FakeNode {
        final NodeSpec spec;
        final Map<String, byte[]> files = new ConcurrentHashMap<>();
        volatile String state = "running";

        FakeNode(NodeSpec spec) {
            this.spec = spec;
            IMAGE_FILES.forEach((path, text) -> files.put(path, text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** What preflight reads; roomy until a test changes it. */
    @Override
    public FakeHostReadings host() {
        return host;
    }

    /** Makes the images available, as if built into the engine. */
    /** Acts as a remote engine that clients reach at this address. */
    public FakeNodeProvider withEngineAddress(String address) {
        this.engineAddress = address;
        return this;
    }

    @Override
    public String engineAddress() {
        return engineAddress;
    }

    @Override
    public int freeHostPort(PortMapping mapping) {
        // a remote engine's host has no socket to try here
        return LOOPBACK.equals(engineAddress) ? NodeProvider.super.freeHostPort(mapping) : REMOTE_FREE_PORT;
    }

    public FakeNodeProvider withImages(String... names) {
        images.addAll(List.of(names));
        return this;
    }

    /** Answers every exec whose call contains {@code callPart}; the latest matching answer wins. */
    public synchronized FakeNodeProvider answer(String callPart, int exitCode, String stdout) {
        answers.add(0, new Answer(callPart, exitCode, stdout));
        return this;
    }

    /** The first call that contains {@code callPart} throws what {@code error} makes, which may act first. */
    public synchronized FakeNodeProvider failOnce(String callPart, Supplier<RuntimeException> error) {
        failures.add(new Failure(callPart, error));
        return this;
    }

    public FakeNodeProvider failOnce(String callPart) {
        return failOnce(callPart, () -> new IllegalStateException("injected failure at " + callPart));
    }

    /** Every call so far, in order. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** The calls so far that contain {@code part}, in order. */
    public List<String> calls(String part) {
        return calls().stream().filter(call -> call.contains(part)).toList();
    }

    /** A file's content in a node, if the node and the file exist. */
    public Optional<String> file(String nodeName, String path) {
        return Optional.ofNullable(nodes.get(nodeName)).map(node -> node.files.get(path))
                .map(content -> new String(content, StandardCharsets.UTF_8));
    }

    /** A local registry that {@link #findRegistry} knows. */
    public FakeNodeProvider withRegistry(LocalRegistry registry) {
        registries.put(registry.name(), registry);
        return this;
    }

    @Override
    public Optional<LocalRegistry> findRegistry(String registryName) {
        return Optional.ofNullable(registries.get(registryName));
    }

    @Override
    public void connectRegistry(String registryName, String clusterName) {
        record("connectRegistry " + registryName + " " + clusterName);
    }

    @Override
    public String createNetwork(String clusterName) {
        record("createNetwork " + clusterName);
        String subnet;
        synchronized (this) {
            subnet = "172.28." + nextSubnet++ + ".0/24";
        }
        if (networks.putIfAbsent(clusterName, subnet) != null) {
            throw new IllegalStateException("network kindj-" + clusterName + " exists");
        }
        return subnet;
    }

    @Override
    public Optional<String> networkSubnet(String clusterName) {
        return Optional.ofNullable(networks.get(clusterName));
    }

    @Override
    public Optional<EngineImage> findImage(String reference) {
        return images.contains(reference) ? Optional.of(new EngineImage("sha256:" + reference.hashCode(), List.of(reference)))
                : Optional.empty();
    }

    @Override
    public InputStream saveImages(List<String> names) {
        throw new UnsupportedOperationException("the fake engine holds no image content");
    }

    @Override
    public String inspectNode(String nodeName) {
        return "{\"Name\": \"/" + nodeName + "\"}";
    }

    @Override
    public void copyConsole(String nodeName, OutputStream out) {
        // a fake node prints nothing
    }

    @Override
    public boolean awaitConsoleLine(String nodeName, String line, Duration timeout) {
        return false; // a fake node prints nothing
    }

    @Override
    public Optional<InputStream> copyDirectoryOut(String nodeName, String path) {
        return Optional.empty();
    }

    @Override
    public Node createNode(NodeSpec spec, BootFiles bootFiles) {
        FakeNode created = new FakeNode(spec);
        if (nodes.putIfAbsent(spec.name(), created) != null) {
            throw new IllegalStateException("container " + spec.name() + " exists");
        }
        List<NodeFile> files = bootFiles.files(path -> imageFile(created, path));
        files.forEach(file -> created.files.put(file.path(), file.content()));
        record("createNode " + spec.name());
        return node(created);
    }

    @Override
    public Node createCommandNode(NodeSpec spec, List<String> command, List<NodeFile> files) {
        return createNode(spec, BootFiles.of(files));
    }

    private static byte[] imageFile(FakeNode node, String path) {
        byte[] content = node.files.get(path);
        if (content == null) {
            throw new IllegalArgumentException("no file " + path + " in the image of " + node.spec.name());
        }
        return content;
    }

    @Override
    public List<String> listClusters() {
        Set<String> names = new TreeSet<>(networks.keySet());
        nodes.values().forEach(node -> names.add(node.spec.clusterName()));
        return List.copyOf(names);
    }

    @Override
    public List<Node> listNodes(String clusterName) {
        return nodes.values().stream().filter(node -> node.spec.clusterName().equals(clusterName))
                .map(FakeNodeProvider::node).sorted(Comparator.comparing(Node::name)).toList();
    }

    @Override
    public Optional<String> publishedEndpoint(String nodeName, int containerPort) {
        return Optional.ofNullable(publishedPorts(nodeName).get(containerPort)).map(port -> engineAddress + ":" + port);
    }

    @Override
    public Map<Integer, Integer> publishedPorts(String nodeName) {
        return existing(nodeName).spec.ports().stream()
                .collect(Collectors.toMap(PortMapping::containerPort, PortMapping::hostPort));
    }

    @Override
    public ExecResult exec(String nodeName, List<String> command, InputStream stdin) {
        String call = "exec " + nodeName + ": " + String.join(" ", command);
        if (!"running".equals(existing(nodeName).state)) {
            throw new IllegalStateException("node " + nodeName + " is not running");
        }
        record(call);
        synchronized (this) {
            for (Answer answer : answers) {
                if (call.contains(answer.callPart())) {
                    return new ExecResult(command, answer.exitCode(), answer.stdout(), "");
                }
            }
        }
        return new ExecResult(command, 0, command.contains("is-system-running") ? "running\n" : "", "");
    }

    @Override
    public void copyIn(String nodeName, List<NodeFile> files) {
        FakeNode node = existing(nodeName);
        record("copyIn " + nodeName + ": " + files.stream().map(NodeFile::path).collect(Collectors.joining(" ")));
        files.forEach(file -> node.files.put(file.path(), file.content()));
    }

    @Override
    public byte[] copyOut(String nodeName, String path) {
        FakeNode node = existing(nodeName);
        record("copyOut " + nodeName + ": " + path);
        byte[] content = node.files.get(path);
        if (content == null) {
            throw new IllegalArgumentException("no file " + path + " in node " + nodeName);
        }
        return content;
    }

    @Override
    public void deleteCluster(String clusterName) {
        record("deleteCluster " + clusterName);
        nodes.values().removeIf(node -> node.spec.clusterName().equals(clusterName));
        networks.remove(clusterName);
    }

    @Override
    public void stopNode(String nodeName) {
        record("stopNode " + nodeName);
        existing(nodeName).state = "exited";
    }

    @Override
    public void startNode(String nodeName) {
        record("startNode " + nodeName);
        existing(nodeName).state = "running";
    }

    @Override
    public void removeNode(String nodeName) {
        record("removeNode " + nodeName);
        nodes.remove(nodeName);
    }

    @Override
    public Instant startedAt(String nodeName) {
        existing(nodeName);
        return STARTED;
    }

    @Override
    public void close() {
    }

    /** Records the call, then throws if a failure was asked for it. */
    private void record(String call) {
        Failure failure = null;
        synchronized (this) {
            calls.add(call);
            for (Failure candidate : failures) {
                if (call.contains(candidate.callPart())) {
                    failure = candidate;
                    failures.remove(candidate);
                    break;
                }
            }
        }
        if (failure != null) {
            throw failure.error().get();
        }
    }

    private FakeNode existing(String nodeName) {
        FakeNode node = nodes.get(nodeName);
        if (node == null) {
            throw new IllegalStateException("no container " + nodeName);
        }
        return node;
    }

    private static Node node(FakeNode node) {
        NodeSpec spec = node.spec;
        return new Node(spec.name(), spec.clusterName(), spec.role(), spec.ipAddress(), node.state, spec.image());
    }
}
