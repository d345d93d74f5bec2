package dev.kindj.cli;

import dev.kindj.cli.shared.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kindj.api.Kindj;
import dev.kindj.internal.provision.preflight.NodeInotifyUse;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's command table, run as a user runs it: the ./kindj launcher as its own process, against one real cluster
 * (one control plane) that lives for the whole class. Tests run in order, since later ones build on earlier ones.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadmeCommandsIT {

    private static final Path ROOT = ProcessRun.ROOT;
    private static final String NAME = "readme-" + UUID.randomUUID().toString().substring(0, 6);
    private static final String CONTROL_PLANE = NAME + "-control-plane";
    private static final String CONTEXT = "kindj-" + NAME;
    private static final String TEST_IMAGE = "kindj-test/busybox:1";
    private static final String PRIVATE = "rw-------";
    /** Room for the launcher to build the CLI first when its jar is older than the sources. */
    private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> STRING_FIELDS = new TypeReference<>() { };

    @TempDir
    static Path dir;
    /** What every run sees as $KUBECONFIG, so that nothing touches the user's ~/.kube/config. */
    private static Path defaultKubeconfig;
    private static Path createdKubeconfig;
    private static String nodeImage;
    private static ProcessRun created;

    @BeforeAll
    static void createCluster() {
        ProcessRun.of(ROOT.resolve("scripts/build-test-images.sh").toString(), "busybox").outOrFail();
        nodeImage = ProcessRun.nodeImage();
        defaultKubeconfig = dir.resolve("default-kubeconfig");
        createdKubeconfig = dir.resolve("created-kubeconfig");
        created = kindj(CREATE_TIMEOUT, "create", "cluster", "--name", NAME, "--image", nodeImage,
                "--kubeconfig", createdKubeconfig.toString());
        created.outOrFail();
    }

    @AfterAll
    static void deleteCluster() {
        // Also when a test failed before `delete cluster` ran; deleting what is gone already is no error.
        Kindj.connect().delete(NAME);
    }

    @Test
    @Order(1)
    void versionPrintsOneLine() {
        assertThat(kindj("version").outOrFail()).matches("kindj v\\d+\\.\\d+\\.\\d+\\S* java/\\S+ \\S+/\\S+\\n");
    }

    @Test
    @Order(2)
    void createClusterWritesAPrivateKubeconfigWithItsContext() throws IOException {
        assertThat(created.out()).isEmpty();
        assertThat(created.err()).contains("Creating cluster \"" + NAME + "\"")
                .contains("kubectl cluster-info --context " + CONTEXT + " --kubeconfig " + createdKubeconfig);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(createdKubeconfig))).isEqualTo(PRIVATE);
        assertThat(Config.fromKubeconfig(Files.readString(createdKubeconfig)).getCurrentContext().getName())
                .isEqualTo(CONTEXT);
    }

    @Test
    @Order(2)
    void doctorCountsTheClusterInRootsInotifyBudget() {
        ProcessRun doctor = kindj("doctor");

        assertThat(doctor.exitCode()).as(doctor.toString()).isZero();
        Matcher inUse = Pattern.compile("inotify instances +(\\d+) of root's (\\d+) in use").matcher(doctor.out());
        assertThat(inUse.find()).as(doctor.out()).isTrue();
        assertThat(Integer.parseInt(inUse.group(1))).isGreaterThanOrEqualTo(NodeInotifyUse.CONTROL_PLANE);
        assertThat(doctor.out()).contains("A default cluster (one control plane) fits on this host.");
    }

    @Test
    @Order(3)
    void getClustersListsItAsTextAndJson() throws IOException {
        assertThat(kindj("get", "clusters").outOrFail().lines()).contains(NAME);
        JsonNode clusters = JSON.readTree(kindj("get", "clusters", "-o", "json").outOrFail());
        assertThat(clusters.isArray()).isTrue();
        assertThat(StreamSupport.stream(clusters.spliterator(), false).map(cluster -> cluster.get("name").asText()))
                .contains(NAME);
    }

    @Test
    @Order(4)
    void getNodesShowsTheControlPlaneAsTextAndJson() throws IOException {
        ProcessRun text = kindj("get", "nodes", "--name", NAME);
        List<String> lines = text.outOrFail().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).split("\\s+")).containsExactly("NAME", "ROLE", "IP", "STATUS");
        String ip = docker("inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", CONTROL_PLANE)
                .strip();
        assertThat(lines.get(1).split("\\s+")).containsExactly(CONTROL_PLANE, "control-plane", ip, "running");
        assertThat(text.err()).as("nothing logged at the default verbosity").isEmpty();

        assertThat(nodesAsJson()).containsExactly(Map.of("name", CONTROL_PLANE, "role", "control-plane", "ip", ip,
                "state", "running", "image", nodeImage));
    }

    @Test
    @Order(5)
    void getKubeconfigPrintsAKubeconfigThatReachesTheCluster() {
        String kubeconfig = kindj("get", "kubeconfig", "--name", NAME).outOrFail();
        assertThat(kubeconfig).contains("current-context: " + CONTEXT);
        assertThat(kubernetesNodes(kubeconfig)).containsExactly(CONTROL_PLANE);
    }

    @Test
    @Order(6)
    void getKubeconfigInternalServesKubectlOnTheClustersNetwork() {
        String kubeconfig = kindj("get", "kubeconfig", "--internal", "--name", NAME).outOrFail();
        assertThat(kubeconfig).doesNotContain("127.0.0.1");
        // kubectl in the control-plane container: it is on the cluster's network, as clients with --internal are.
        ProcessRun kubectl = ProcessRun.of(List.of("docker", "exec", "-i", CONTROL_PLANE,
                "kubectl", "--kubeconfig", "/dev/stdin", "get", "nodes", "-o", "name"), Map.of(), kubeconfig, ProcessRun.DEFAULT_TIMEOUT);
        assertThat(kubectl.outOrFail().lines()).containsExactly("node/" + CONTROL_PLANE);
    }

    @Test
    @Order(7)
    void exportKubeconfigMergesIntoTheKubeconfigFileAsPrivate() throws IOException {
        ProcessRun export = kindj("export", "kubeconfig", "--name", NAME);
        export.outOrFail();
        assertThat(export.err()).contains("Set kubectl context to \"" + CONTEXT + "\" in " + defaultKubeconfig);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(defaultKubeconfig))).isEqualTo(PRIVATE);
        String merged = Files.readString(defaultKubeconfig);
        assertThat(Config.fromKubeconfig(merged).getCurrentContext().getName()).isEqualTo(CONTEXT);
        assertThat(kubernetesNodes(merged)).containsExactly(CONTROL_PLANE);
    }

    @Test
    @Order(8)
    void loadDockerImageImportsOnceThenSkips() {
        ProcessRun load = kindj("load", "docker-image", TEST_IMAGE, "--name", NAME);
        load.outOrFail();
        assertThat(load.err()).contains("Image \"" + TEST_IMAGE + "\": loaded into " + CONTROL_PLANE);
        assertThat(docker("exec", CONTROL_PLANE, "ctr", "-n", "k8s.io", "images", "ls", "-q")).contains(TEST_IMAGE);

        ProcessRun again = kindj("load", "docker-image", TEST_IMAGE, "--name", NAME);
        again.outOrFail();
        assertThat(again.err()).contains("Image \"" + TEST_IMAGE + "\": already on " + CONTROL_PLANE);
    }

    @Test
    @Order(9)
    void exportLogsWritesEachNodesLogsAndNoKeys() throws IOException {
        Path logs = dir.resolve("logs");
        assertThat(kindj("export", "logs", logs.toString(), "--name", NAME).outOrFail())
                .isEqualTo(logs.toAbsolutePath() + "\n");
        assertThat(Files.size(logs.resolve(CONTROL_PLANE).resolve("kubelet.log"))).isPositive();
        try (Stream<Path> files = Files.walk(logs)) {
            assertThat(files.filter(Files::isRegularFile).filter(ReadmeCommandsIT::containsPrivateKey)).isEmpty();
        }
    }

    @Test
    @Order(10)
    void createNodeJoinsAWorkerAndDeleteNodeRemovesItWithItsVolumes() throws IOException {
        // -v 2: debug logs go to stderr, and stdout still carries nothing but the result.
        ProcessRun create = kindj("create", "node", "--name", NAME, "-v", "2");
        String worker = create.outOrFail().strip();
        assertThat(worker).startsWith(NAME + "-worker").doesNotContain("\n");
        assertThat(create.err()).contains("DEBUG");
        assertThat(nodesAsJson()).extracting(node -> node.get("name") + " " + node.get("role") + " " + node.get("state"))
                .containsExactly(CONTROL_PLANE + " control-plane running", worker + " worker running");
        String kubeconfig = Files.readString(createdKubeconfig);
        assertThat(kubernetesNodes(kubeconfig)).containsExactlyInAnyOrder(CONTROL_PLANE, worker);

        List<String> volumes = volumesOf(worker);
        kindj("delete", "node", worker, "--name", NAME).outOrFail();
        assertThat(docker("ps", "-a", "-q", "--filter", "name=^/" + worker + "$")).isEmpty();
        assertThat(volumes).allSatisfy(volume -> assertThat(ProcessRun.docker("volume", "inspect", volume).exitCode()).isNotZero());
        assertThat(kubernetesNodes(kubeconfig)).containsExactly(CONTROL_PLANE);
    }

    @Test
    @Order(11)
    void stopClusterStopsTheNodesAndStartClusterBringsThemBackReady() throws IOException {
        kindj("stop", "cluster", "--name", NAME).outOrFail();
        assertThat(docker("inspect", "-f", "{{.State.Status}}", CONTROL_PLANE).strip()).isEqualTo("exited");
        assertThat(nodesAsJson()).extracting(node -> node.get("state")).containsExactly("exited");

        kindj(START_TIMEOUT, "start", "cluster", "--name", NAME).outOrFail();
        assertThat(nodesAsJson()).extracting(node -> node.get("state")).containsExactly("running");
        try (KubernetesClient client = client(kindj("get", "kubeconfig", "--name", NAME).outOrFail())) {
            Node node = client.nodes().withName(CONTROL_PLANE).get();
            assertThat(node.getStatus().getConditions())
                    .anySatisfy(condition -> assertThat(condition.getType() + "=" + condition.getStatus())
                            .isEqualTo("Ready=True"));
        }
    }

    @Test
    @Order(12)
    void completionPrintsAScriptThatCompletesSubcommands() {
        String script = kindj("completion", "bash").outOrFail();
        ProcessRun completed = ProcessRun.of(List.of("bash", "-c", String.join("\n",
                "source /dev/stdin",
                "COMP_WORDS=(kindj get '') COMP_CWORD=2 COMP_LINE='kindj get ' COMP_POINT=10",
                "_complete_kindj",
                "printf '%s\\n' \"${COMPREPLY[@]}\"")), Map.of(), script, ProcessRun.DEFAULT_TIMEOUT);
        assertThat(completed.outOrFail().lines()).contains("clusters", "nodes", "kubeconfig");
        assertThat(kindj("completion", "zsh").outOrFail()).isEqualTo(script);
    }

    @Test
    @Order(13)
    void mistakesExitWithTwoAndSayWhyOnStderrOnly() {
        String missing = "no-such-" + UUID.randomUUID().toString().substring(0, 6);
        for (List<String> command : List.of(
                List.of("get", "nodes", "--name", missing),
                List.of("get", "kubeconfig", "--name", missing),
                List.of("get", "clusters", "--no-such-flag"),
                List.of("completion", "fish"))) {
            ProcessRun run = kindj(command.toArray(String[]::new));
            assertThat(run.exitCode()).as("%s", run).isEqualTo(ExitCodes.USAGE);
            assertThat(run.out()).as("%s", run).isEmpty();
            assertThat(run.err()).as("%s", run).isNotBlank();
        }
        assertThat(kindj("get", "nodes", "--name", missing).err()).contains("no cluster named '" + missing + "'");
        assertThat(kindj("get", "clusters", "--no-such-flag").err()).contains("Unknown option: '--no-such-flag'");
    }

    @Test
    @Order(14)
    void deleteClusterLeavesNothingBehind() throws IOException {
        assertThat(Files.readString(defaultKubeconfig)).contains(CONTEXT);
        List<String> volumes = volumesOf(CONTROL_PLANE);

        kindj("delete", "cluster", "--name", NAME).outOrFail();
        String label = "label=dev.kindj.cluster=" + NAME;
        assertThat(docker("ps", "-a", "-q", "--filter", label)).isEmpty();
        assertThat(docker("network", "ls", "-q", "--filter", label)).isEmpty();
        assertThat(volumes).allSatisfy(volume -> assertThat(ProcessRun.docker("volume", "inspect", volume).exitCode()).isNotZero());
        assertThat(Files.readString(defaultKubeconfig)).doesNotContain(CONTEXT);
        assertThat(kindj("get", "clusters").outOrFail().lines()).doesNotContain(NAME);
    }

    private static ProcessRun kindj(String... args) {
        return kindj(ProcessRun.DEFAULT_TIMEOUT, args);
    }

    private static ProcessRun kindj(Duration timeout, String... args) {
        return ProcessRun.kindj(Map.of("KUBECONFIG", defaultKubeconfig.toString()), timeout, args);
    }

    /** `get nodes -o json` as a list of objects with string fields. */
    private static List<Map<String, String>> nodesAsJson() throws IOException {
        JsonNode nodes = JSON.readTree(kindj("get", "nodes", "--name", NAME, "-o", "json").outOrFail());
        assertThat(nodes.isArray()).isTrue();
        return StreamSupport.stream(nodes.spliterator(), false)
                .map(node -> JSON.convertValue(node, STRING_FIELDS))
                .toList();
    }

    private static KubernetesClient client(String kubeconfig) {
        return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig)).build();
    }

    /** The Kubernetes nodes the API server behind the kubeconfig knows. */
    private static List<String> kubernetesNodes(String kubeconfig) {
        try (KubernetesClient client = client(kubeconfig)) {
            return client.nodes().list().getItems().stream().map(node -> node.getMetadata().getName()).toList();
        }
    }

    /** The Docker volumes mounted in a container; a node has at least the one on /var. */
    private static List<String> volumesOf(String container) {
        List<String> volumes = Arrays.stream(docker("inspect", "-f",
                "{{range .Mounts}}{{if eq .Type \"volume\"}}{{.Name}} {{end}}{{end}}", container).split("\\s+"))
                .filter(volume -> !volume.isEmpty())
                .toList();
        assertThat(volumes).as("volumes of %s", container).isNotEmpty();
        return volumes;
    }

    private static boolean containsPrivateKey(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("PRIVATE KEY");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String docker(String... args) {
        return ProcessRun.docker(args).outOrFail();
    }
}
