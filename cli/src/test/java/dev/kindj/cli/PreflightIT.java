package dev.kindj.cli;

import dev.kindj.cli.shared.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kindj.internal.provision.preflight.NodeInotifyUse;
import dev.kindj.internal.provision.preflight.ProcInotify;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preflight as a user meets it: ./kindj refuses with exit code 2, says what is short, by how much and the fix, and
 * no container, network or volume of the cluster exists afterwards. Holds root's inotify instances for a few seconds
 * at a time: run it under the clusters lock, where no other cluster is being made.
 */
class PreflightIT {

    private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(10);
    private static final String CONFIG_HEAD = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n";

    @TempDir
    Path dir;
    private final String name = "pf-" + UUID.randomUUID().toString().substring(0, 6);
    private Set<String> volumesBefore;

    @BeforeEach
    void rememberVolumes() {
        volumesBefore = volumes();
    }

    @Test
    void hostPortsInUseAreRefusedAndNothingIsCreated() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket api = new ServerSocket(0, 1, loopback); ServerSocket web = new ServerSocket(0, 1, loopback)) {
            Path config = Files.writeString(dir.resolve("ports.yaml"), CONFIG_HEAD + """
                    networking:
                      apiServerPort: %d
                    nodes:
                    - role: control-plane
                      extraPortMappings:
                      - {containerPort: 80, hostPort: %d, listenAddress: 127.0.0.1}
                    """.formatted(api.getLocalPort(), web.getLocalPort()));

            ProcessRun create = kindj("create", "cluster", "--name", name, "--config", config.toString(),
                    "--image", ProcessRun.nodeImage());

            assertThat(create.exitCode()).as(create.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(create.err()).contains("cannot create cluster '" + name + "'; nothing was created")
                    .contains("host ports: 2 of 2 fixed host ports already in use on this host: 127.0.0.1:"
                            + api.getLocalPort() + "/tcp (networking.apiServerPort), 127.0.0.1:" + web.getLocalPort()
                            + "/tcp (nodes[0].extraPortMappings[0])")
                    .contains("Fix: stop what listens there");
        }
        assertNothingOfTheClusterExists();
    }

    @Test
    void aChosenPodSubnetOverlappingADockerNetworkIsRefusedAndNothingIsCreated() throws IOException {
        String network = "kindj-preflight-it-" + name;
        ProcessRun.docker("network", "create", "--subnet", "10.213.7.0/24", network).outOrFail();
        try {
            Path config = Files.writeString(dir.resolve("subnet.yaml"), CONFIG_HEAD + """
                    networking:
                      podSubnet: 10.213.0.0/16
                    """);

            ProcessRun create = kindj("create", "cluster", "--name", name, "--config", config.toString(),
                    "--image", ProcessRun.nodeImage());

            assertThat(create.exitCode()).as(create.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(create.err()).contains("subnets: networking.podSubnet 10.213.0.0/16 overlaps Docker network "
                    + network + " 10.213.7.0/24");
        } finally {
            ProcessRun.docker("network", "rm", network).outOrFail();
        }
        assertNothingOfTheClusterExists();
    }

    @Test
    void anExhaustedInotifyBudgetIsRefusedWithTheNumbersAndDoctorSaysSo() throws IOException {
        ProcessRun create;
        ProcessRun doctor;
        try (HeldInotifyInstances held = HeldInotifyInstances.leaving(NodeInotifyUse.CONTROL_PLANE / 2)) {
            create = kindj("create", "cluster", "--name", name, "--image", ProcessRun.nodeImage());
            doctor = kindj("doctor");
        }

        assertThat(create.exitCode()).as(create.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(create.err()).contains("inotify instances: ").contains("1 control plane needs "
                + NodeInotifyUse.CONTROL_PLANE + " (" + NodeInotifyUse.CONTROL_PLANE + " per control plane, "
                + NodeInotifyUse.WORKER + " per worker): short by ").contains("Fix: delete clusters you no longer use")
                .contains("Raising fs.inotify.max_user_instances is a host-wide setting for the host's owner");
        assertNothingOfTheClusterExists();
        assertThat(doctor.exitCode()).as(doctor.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(doctor.out()).contains("fail  inotify instances")
                .contains("What fits (root's inotify instances): 0 more control planes, or ")
                .contains("A default cluster (one control plane) does not fit on this host");
    }

    @Test
    void aWorkerTheBudgetHasNoRoomForIsRefusedAndTheClusterKeepsItsNodes() throws IOException {
        try {
            kindj(CREATE_TIMEOUT, "create", "cluster", "--name", name, "--image", ProcessRun.nodeImage()).outOrFail();
            ProcessRun add;
            try (HeldInotifyInstances held = HeldInotifyInstances.leaving(NodeInotifyUse.WORKER / 2)) {
                add = kindj("create", "node", "--name", name);
            }

            assertThat(add.exitCode()).as(add.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(add.err()).contains("cannot add a worker to cluster '" + name + "'; nothing was created")
                    .contains("1 worker needs " + NodeInotifyUse.WORKER + " ").contains("short by ");
            assertThat(ProcessRun.docker("ps", "-a", "--filter", "label=dev.kindj.cluster=" + name, "--format",
                    "{{.Names}}").outOrFail().lines()).containsExactly(name + "-control-plane");
        } finally {
            kindj("delete", "cluster", "--name", name).outOrFail();
        }
        assertNothingOfTheClusterExists();
    }

    @Test
    void anEngineThatDoesNotAnswerIsAnInvalidRequestAndDoctorSaysSo() {
        Map<String, String> noEngine = Map.of("DOCKER_HOST", "unix://" + dir.resolve("no-engine.sock"),
                "KUBECONFIG", dir.resolve("kubeconfig").toString());

        ProcessRun create = ProcessRun.kindj(noEngine, ProcessRun.DEFAULT_TIMEOUT, "create", "cluster", "--name", name,
                "--image", "kindj/node:irrelevant");
        ProcessRun doctor = ProcessRun.kindj(noEngine, ProcessRun.DEFAULT_TIMEOUT, "doctor");

        assertThat(create.exitCode()).as(create.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(create.err()).contains("Docker is not running: no engine answered at unix://" + dir);
        assertThat(doctor.exitCode()).as(doctor.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(doctor.out()).contains("fail  Docker engine").contains("fix: start Docker")
                .contains("unknown number of control planes");
    }

    @Test
    void doctorOnThisHostShowsEveryCheckAndWhatFits() {
        ProcessRun doctor = kindj("doctor");

        assertThat(doctor.exitCode()).as(doctor.toString()).isEqualTo(ExitCodes.OK);
        assertThat(doctor.out().lines().toList()).hasSize(9);
        assertThat(doctor.out()).containsPattern("ok {4}Docker engine +Engine ").contains("capabilities")
                .contains("inotify instances").containsPattern("control-plane user's inotify instances +\\d+ of uid ")
                .contains("host ports").contains("subnets").contains("disk space")
                .containsPattern("What fits \\(root's inotify instances\\): \\d+ more control planes?, or \\d+ more")
                .contains("A default cluster (one control plane) fits on this host.");
    }

    private ProcessRun kindj(String... args) {
        return kindj(ProcessRun.DEFAULT_TIMEOUT, args);
    }

    private ProcessRun kindj(Duration timeout, String... args) {
        return ProcessRun.kindj(Map.of("KUBECONFIG", dir.resolve("kubeconfig").toString()), timeout, args);
    }

    private void assertNothingOfTheClusterExists() {
        String label = "label=dev.kindj.cluster=" + name;
        assertThat(ProcessRun.docker("ps", "-a", "-q", "--filter", label).outOrFail()).isBlank();
        assertThat(ProcessRun.docker("network", "ls", "-q", "--filter", label).outOrFail()).isBlank();
        assertThat(volumes()).as("volumes made since the test started").isSubsetOf(volumesBefore);
    }

    private static Set<String> volumes() {
        return Set.copyOf(ProcessRun.docker("volume", "ls", "-q").outOrFail().lines().toList());
    }

    /**
     * Inotify instances held by this (root) process until root has no more than a given number free, one per
     * WatchService; closing releases them all.
     */
    private static final class HeldInotifyInstances implements AutoCloseable {

        private final List<WatchService> held = new ArrayList<>();

        static HeldInotifyInstances leaving(int free) throws IOException {
            HeldInotifyInstances instances = new HeldInotifyInstances();
            try {
                for (int now = freeNow(); now > free; now = freeNow()) {
                    for (int i = free; i < now; i++) {
                        instances.held.add(FileSystems.getDefault().newWatchService());
                    }
                }
            } catch (IOException | RuntimeException e) {
                instances.close();
                throw e;
            }
            return instances;
        }

        private static int freeNow() {
            return new ProcInotify(Path.of("/proc")).read(0).value().free();
        }

        @Override
        public void close() throws IOException {
            for (WatchService service : held) {
                service.close();
            }
        }
    }
}
