package dev.kindj.internal.provision.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindj.config.ClusterConfig;
import dev.kindj.config.Networking;
import dev.kindj.config.NodeConfig;
import dev.kindj.internal.provision.TestCluster;
import dev.kindj.internal.provision.Waits;
import dev.kindj.internal.nodeimage.PreloadedImages;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.node.v1.RuntimeClassBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kind's kubeadm patches on a real 1+1 cluster (cluster-wide ones on both nodes, node-level ones on their node, JSON
 * 6902 ones after the merge patches of their level), its containerd patches, and networking.dnsSearch.
 */
class KubeadmPatchesIT {

    private static final String JSON_PATCHED_SAN = "json-patched.kindj.example";
    private static final String CLOSE_WAIT_TIMEOUT = "/proc/sys/net/netfilter/nf_conntrack_tcp_timeout_close_wait";

    /** The type of a DNS name among a certificate's subject alternative names. */
    private static final int DNS_NAME = 2;

    private static TestCluster cluster;

    @BeforeAll
    static void createCluster() {
        // kind's ingress guide labels the control plane through an InitConfiguration patch (v1beta3 map form)
        NodeConfig controlPlane = NodeConfig.controlPlane().withKubeadmConfigPatch("""
                kind: InitConfiguration
                nodeRegistration:
                  kubeletExtraArgs:
                    node-labels: "ingress-ready=true"
                """);
        NodeConfig worker = NodeConfig.worker().withKubeadmConfigPatch("""
                kind: KubeletConfiguration
                maxPods: 40
                """).withKubeadmConfigPatch("""
                kind: JoinConfiguration
                apiVersion: kubeadm.k8s.io/v1beta4
                nodeRegistration:
                  kubeletExtraArgs:
                  - name: node-labels
                    value: tier=backend
                """);
        cluster = TestCluster.create("patches", ClusterConfig.builder().withNode(controlPlane).withNode(worker)
                .withNetworking(Networking.defaults().withDnsSearch(List.of("kindj.example", "corp.example")))
                .withKubeadmConfigPatch("""
                        kind: ClusterConfiguration
                        apiVersion: kubeadm.k8s.io/v1beta4
                        apiServer:
                          extraArgs:
                          - name: enable-admission-plugins
                            value: NodeRestriction,DenyServiceExternalIPs
                        """)
                .withKubeadmConfigPatch("""
                        kind: KubeletConfiguration
                        maxPods: 50
                        """)
                .withKubeadmConfigPatch("""
                        kind: KubeProxyConfiguration
                        conntrack:
                          tcpCloseWaitTimeout: 30s
                        """)
                // kind's own runtime-class handler, and a second one added by a JSON 6902 patch
                .withContainerdConfigPatch("""
                        [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.test-handler]
                          runtime_type = "io.containerd.runc.v2"
                        """)
                .withContainerdConfigPatchJSON6902("""
                        - op: copy
                          from: /plugins/io.containerd.grpc.v1.cri/containerd/runtimes/test-handler
                          path: /plugins/io.containerd.grpc.v1.cri/containerd/runtimes/json-handler
                        """)
                // kind's documented JSON 6902 example: one more name on the API server's certificate
                .withKubeadmConfigPatchJSON6902("kubeadm.k8s.io", "v1beta3", "ClusterConfiguration", """
                        - op: add
                          path: /apiServer/certSANs/-
                          value: %s
                        """.formatted(JSON_PATCHED_SAN))
                // replaces what the merge patch above set, as kind applies JSON 6902 patches after merge patches
                .withKubeadmConfigPatchJSON6902("kubelet.config.k8s.io", "v1beta1", "KubeletConfiguration", """
                        - op: replace
                          path: /maxPods
                          value: 60
                        """));
    }

    @AfterAll
    static void deleteCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void nodeLabelsFromInitAndJoinPatchesReachOnlyTheirNodes() {
        assertThat(node(cluster.controlPlane()).getMetadata().getLabels())
                .containsEntry("ingress-ready", "true").doesNotContainKey("tier");
        assertThat(node(cluster.worker(1)).getMetadata().getLabels())
                .containsEntry("tier", "backend").doesNotContainKey("ingress-ready");
    }

    @Test
    void kubeletConfigurationPatchesSetCapacityWithTheNodesOwnPatchLast() {
        assertThat(node(cluster.controlPlane()).getStatus().getCapacity().get("pods").getAmount()).isEqualTo("60");
        assertThat(node(cluster.worker(1)).getStatus().getCapacity().get("pods").getAmount()).isEqualTo("40");
    }

    @Test
    void apiServerRunsWithThePatchedAdmissionPluginsAndTheyAct() {
        String args = cluster.provider().exec(cluster.controlPlane(), "cat", "/etc/kindj/args/kube-apiserver")
                .orThrow(cluster.controlPlane()).stdout();
        assertThat(args).contains("--enable-admission-plugins=NodeRestriction,DenyServiceExternalIPs\n");
        // a server-side dry run goes through admission and creates nothing; no traffic goes to the external IP
        Service withExternalIp = new ServiceBuilder().withNewMetadata().withName("external").endMetadata()
                .withNewSpec().addNewPort().withPort(80).endPort().withExternalIPs("192.0.2.10").endSpec().build();
        assertThatThrownBy(() -> cluster.client().services().inNamespace("default").resource(withExternalIp)
                .dryRun().create())
                .isInstanceOf(KubernetesClientException.class)
                .hasMessageContaining("Use of external IPs is denied by admission control");
    }

    @Test
    void apiServerServesACertificateWithTheNameAJson6902PatchAdded() throws Exception {
        Collection<List<?>> names = servingCertificate().getSubjectAlternativeNames();
        assertThat(names).contains(List.of(DNS_NAME, JSON_PATCHED_SAN), List.of(DNS_NAME, "localhost"));
    }

    @Test
    void kubeProxyRunsWithThePatchedConntrackTimeout() {
        // kube-proxy writes it into each node's own network namespace when it starts; its default is an hour
        for (String node : List.of(cluster.controlPlane(), cluster.worker(1))) {
            Waits.until("kube-proxy on " + node + " to set the close-wait timeout", Duration.ofSeconds(60),
                    () -> cluster.provider().exec(node, "cat", CLOSE_WAIT_TIMEOUT).orThrow(node).stdout().strip()
                            .equals("30"),
                    cluster::describe);
        }
    }

    @Test
    void nodesSearchTheConfiguredDomains() {
        for (String node : List.of(cluster.controlPlane(), cluster.worker(1))) {
            assertThat(cluster.provider().exec(node, "cat", "/etc/resolv.conf").orThrow(node).stdout().lines())
                    .as("resolv.conf of %s", node).contains("search kindj.example corp.example");
        }
    }

    @Test
    void podsRunWithRuntimeHandlersOnlyTheContainerdPatchesDefine() {
        var client = cluster.client();
        for (String handler : List.of("test-handler", "json-handler")) {
            client.resource(new RuntimeClassBuilder().withNewMetadata().withName(handler).endMetadata()
                    .withHandler(handler).build()).serverSideApply();
            for (String node : List.of(cluster.controlPlane(), cluster.worker(1))) {
                String name = handler + "-" + (node.equals(cluster.controlPlane()) ? "cp" : "worker");
                // the preloaded pause image: nodes cannot pull, and a pod's sandbox fails at once on an unknown handler
                client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName(name)
                        .endMetadata().withNewSpec().withRuntimeClassName(handler).withNodeName(node)
                        .addNewToleration().withOperator("Exists").endToleration()
                        .addNewContainer().withName("pause").withImage(PreloadedImages.PAUSE).endContainer()
                        .endSpec().build()).create();
                client.pods().inNamespace("default").withName(name).waitUntilCondition(
                        pod -> pod != null && "Running".equals(pod.getStatus().getPhase()), 90, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void containerdOnEveryNodeRunsWithThePatchedConfiguration() {
        for (String node : List.of(cluster.controlPlane(), cluster.worker(1))) {
            String dump = cluster.provider().exec(node, "containerd", "config", "dump").orThrow(node).stdout();
            assertThat(dump).as("containerd config dump on %s", node).contains(
                    "[plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.test-handler]",
                    "[plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.json-handler]", "SystemdCgroup = false");
        }
    }

    /** The certificate the API server presents on the host port, checked against the cluster's CA. */
    private static X509Certificate servingCertificate() throws Exception {
        Config config = cluster.client().getConfiguration();
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("cluster-ca", CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Base64.getDecoder().decode(config.getCaCertData()))));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        URI server = URI.create(config.getMasterUrl());
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(server.getHost(), server.getPort())) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    private static Node node(String name) {
        return cluster.client().nodes().withName(name).get();
    }
}
