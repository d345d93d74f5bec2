package dev.kindj.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Services of type LoadBalancer on one cluster (a control plane and a worker), as a user sees them: an address from
 * the cluster's Docker network that the JVM and other containers reach over TCP and UDP, given back on delete, and
 * still answering after the nodes restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadBalancerServicesIT {

    private static final String APP = TestApp.IMAGE;
    private static final String NAME = "lb-" + UUID.randomUUID().toString().substring(0, 6);
    private static final String MESSAGE = "hello from a LoadBalancer";
    private static final int TCP_PORT = 80;
    private static final int UDP_PORT = 5353;
    /** Services of type LoadBalancer a /24 cluster network has addresses for (its upper half but the broadcast). */
    private static final int POOL_SIZE = 127;
    private static Kindj kindj;
    private static KindjCluster cluster;
    private static KubernetesClient client;
    private static String helloIp;

    @BeforeAll
    static void create() throws Exception {
        TestApp.build();
        kindj = Kindj.connect();
        cluster = kindj.cluster(NAME).workers(1).create();
        cluster.loadImages(APP);
        client = cluster.client();
        client.apps().deployments().resource(TestApp.serving("hello", MESSAGE)).create();
        client.apps().deployments().withName("hello").waitUntilReady(2, TimeUnit.MINUTES);
    }

    @AfterAll
    static void deleteCluster() {
        if (kindj != null) {
            kindj.delete(NAME);
        }
    }

    @Test
    @Order(1)
    void aServiceGetsAnAddressOfTheClusterNetworkWithinTenSecondsAndAnswersTheHostOverTcpAndUdp() throws Exception {
        long started = System.nanoTime();
        client.services().resource(helloService("hello")).create();
        helloIp = awaitAddress("default", "hello", Duration.ofSeconds(10));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));

        String nodeIp = cluster.nodes().get(0).ipAddress();
        String network = nodeIp.substring(0, nodeIp.lastIndexOf('.') + 1);
        assertThat(helloIp).as("an address of the upper half of the cluster's /24").startsWith(network);
        assertThat(Integer.parseInt(helloIp.substring(network.length()))).isBetween(128, 254);
        assertThat(httpGet(helloIp, Duration.ofSeconds(30))).isEqualTo(MESSAGE);
        assertThat(udpAsk(helloIp, Duration.ofSeconds(30))).isEqualTo(MESSAGE);
    }

    @Test
    @Order(2)
    void anotherContainerOnTheClusterNetworkReachesIt() throws Exception {
        Process run = new ProcessBuilder("docker", "run", "--rm", "--network", "kindj-" + NAME, APP,
                "get", "http://" + helloIp + ":" + TCP_PORT + "/", "30").redirectErrorStream(false).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as("docker run ... get: " + output).isZero();
        assertThat(output.strip()).isEqualTo(MESSAGE);
    }

    @Test
    @Order(3)
    void twoServicesAnswerAtOnceAndADeletedServicesAddressGoesToTheNext() throws Exception {
        client.services().resource(helloService("second")).create();
        String second = awaitAddress("default", "second", Duration.ofSeconds(10));
        assertThat(second).isNotEqualTo(helloIp);
        assertThat(httpGet(second, Duration.ofSeconds(30))).isEqualTo(MESSAGE);
        assertThat(httpGet(helloIp, Duration.ofSeconds(5))).isEqualTo(MESSAGE);

        client.services().withName("second").delete();
        client.services().withName("second").waitUntilCondition(service -> service == null, 30, TimeUnit.SECONDS);
        client.services().resource(helloService("third")).create();
        assertThat(awaitAddress("default", "third", Duration.ofSeconds(10))).as("the address 'second' gave back")
                .isEqualTo(second);
        assertThat(httpGet(second, Duration.ofSeconds(30))).isEqualTo(MESSAGE);
        client.services().withName("third").delete();
    }

    @Test
    @Order(4)
    void aServiceBeyondThePoolStaysPendingWithAnEventThatSaysWhy() throws InterruptedException {
        String namespace = "exhaust";
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
                .create();
        List<String> names = new ArrayList<>();
        // 'hello' holds one address already.
        for (int i = 0; i < POOL_SIZE; i++) {
            String name = "s" + i;
            names.add(name);
            client.services().inNamespace(namespace).resource(new ServiceBuilder()
                    .withNewMetadata().withName(name).endMetadata()
                    .withNewSpec().withType("LoadBalancer").withAllocateLoadBalancerNodePorts(false)
                    .addNewPort().withName("tcp").withPort(TCP_PORT).withProtocol("TCP").endPort().endSpec().build())
                    .create();
        }
        String last = names.get(names.size() - 1);
        Event failed = allocationFailure(namespace, last, Duration.ofSeconds(30));
        assertThat(failed.getMessage()).contains("no available IPs");
        assertThat(client.services().inNamespace(namespace).withName(last).get().getStatus().getLoadBalancer()
                .getIngress()).isEmpty();

        client.namespaces().withName(namespace).delete();
        client.namespaces().withName(namespace).waitUntilCondition(ns -> ns == null, 2, TimeUnit.MINUTES);
        client.services().resource(helloService("after-exhaustion")).create();
        assertThat(awaitAddress("default", "after-exhaustion", Duration.ofSeconds(10))).isNotBlank();
        client.services().withName("after-exhaustion").delete();
    }

    @Test
    @Order(5)
    void theAddressAnswersAgainAfterDockerRestartsTheNodes() throws Exception {
        List<String> command = new ArrayList<>(List.of("docker", "restart"));
        cluster.nodes().forEach(node -> command.add(node.name()));
        Process restart = new ProcessBuilder(command).inheritIO().start();
        assertThat(restart.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(restart.exitValue()).isZero();

        assertThat(httpGet(helloIp, Duration.ofMinutes(3))).isEqualTo(MESSAGE);
        assertThat(udpAsk(helloIp, Duration.ofSeconds(30))).isEqualTo(MESSAGE);
        assertThat(awaitAddress("default", "hello", Duration.ofSeconds(10))).isEqualTo(helloIp);
    }

    private static Service helloService(String name) {
        return new ServiceBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withType("LoadBalancer").addToSelector("app", "hello")
                .addNewPort().withName("http").withProtocol("TCP").withPort(TCP_PORT).withNewTargetPort(8080).endPort()
                .addNewPort().withName("udp").withProtocol("UDP").withPort(UDP_PORT).withNewTargetPort(8080).endPort()
                .endSpec().build();
    }

    private static Event allocationFailure(String namespace, String service, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var failure = client.v1().events().inNamespace(namespace).withField("involvedObject.name", service).list()
                    .getItems().stream().filter(event -> "AllocationFailed".equals(event.getReason())).findFirst();
            if (failure.isPresent()) {
                return failure.get();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no AllocationFailed event for " + namespace + "/" + service + " within " + timeout);
    }

    private static String awaitAddress(String namespace, String name, Duration timeout) {
        Service service = client.services().inNamespace(namespace).withName(name).waitUntilCondition(
                s -> s != null && !s.getStatus().getLoadBalancer().getIngress().isEmpty(),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
        return service.getStatus().getLoadBalancer().getIngress().get(0).getIp();
    }

    /** The body of http://IP/, retried until it answers 200 or the time is up. */
    private static String httpGet(String ip, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + ip + ":" + TCP_PORT + "/"))
                .timeout(Duration.ofSeconds(3)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response.body().strip();
                }
                last = new IOException("status " + response.statusCode());
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("http://" + ip + " did not answer within " + timeout, last);
    }

    /** The answer to one datagram sent to IP, sent again until one comes back or the time is up. */
    private static String udpAsk(String ip, Duration timeout) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(1000);
            byte[] question = "ping".getBytes(StandardCharsets.UTF_8);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                socket.send(new DatagramPacket(question, question.length, new InetSocketAddress(ip, UDP_PORT)));
                DatagramPacket answer = new DatagramPacket(new byte[512], 512);
                try {
                    socket.receive(answer);
                    return new String(answer.getData(), 0, answer.getLength(), StandardCharsets.UTF_8).strip();
                } catch (SocketTimeoutException noAnswerYet) {
                    // the datagram or its answer was lost, or nothing serves yet: ask again
                }
            }
        }
        throw new AssertionError("udp://" + ip + ":" + UDP_PORT + " did not answer within " + timeout);
    }
}
