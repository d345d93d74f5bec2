package dev.kindj.internal.provision.bootstrap.components;

import dev.kindj.internal.nodeimage.PreloadedImages;
import dev.kindj.internal.provision.plan.ClusterPlan;
import java.util.List;

/** The cluster DNS as kubeadm 1.35 deploys it: CoreDNS behind the kube-dns Service. */
public final class CoreDns {

    private static final String SERVICE_ACCOUNT = """
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: coredns
              namespace: kube-system
            """;

    private static final String CLUSTER_ROLE = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: system:coredns
            rules:
            - apiGroups: [""]
              resources: [endpoints, services, pods, namespaces]
              verbs: [list, watch]
            - apiGroups: [discovery.k8s.io]
              resources: [endpointslices]
              verbs: [list, watch]
            """;

    private static final String CLUSTER_ROLE_BINDING = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: system:coredns
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: ClusterRole
              name: system:coredns
            subjects:
            - kind: ServiceAccount
              name: coredns
              namespace: kube-system
            """;

    private static final String CONFIG_MAP = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: coredns
              namespace: kube-system
            data:
              Corefile: |
                .:53 {
                    errors
                    health {
                       lameduck 5s
                    }
                    ready
                    kubernetes %1$s in-addr.arpa ip6.arpa {
                       pods insecure
                       fallthrough in-addr.arpa ip6.arpa
                       ttl 30
                    }
                    prometheus :9153
                    forward . /etc/resolv.conf {
                       max_concurrent 1000
                    }
                    cache 30 {
                       disable success %1$s
                       disable denial %1$s
                    }
                    loop
                    reload
                    loadbalance
                }
            """;

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: coredns
              namespace: kube-system
              labels:
                k8s-app: kube-dns
            spec:
              replicas: %d
              strategy:
                type: RollingUpdate
                rollingUpdate:
                  maxUnavailable: 1
              selector:
                matchLabels:
                  k8s-app: kube-dns
              template:
                metadata:
                  labels:
                    k8s-app: kube-dns
                spec:
                  priorityClassName: system-cluster-critical
                  serviceAccountName: coredns
                  affinity:
                    podAntiAffinity:
                      preferredDuringSchedulingIgnoredDuringExecution:
                      - weight: 100
                        podAffinityTerm:
                          labelSelector:
                            matchExpressions:
                            - key: k8s-app
                              operator: In
                              values: [kube-dns]
                          topologyKey: kubernetes.io/hostname
                  tolerations:
                  - key: CriticalAddonsOnly
                    operator: Exists
                  - key: %s
                    effect: NoSchedule
                  nodeSelector:
                    kubernetes.io/os: linux
                  containers:
                  - name: coredns
                    image: %s
                    imagePullPolicy: IfNotPresent
                    args: [-conf, /etc/coredns/Corefile]
                    resources:
                      limits:
                        memory: 170Mi
                      requests:
                        cpu: 100m
                        memory: 70Mi
                    volumeMounts:
                    - name: config-volume
                      mountPath: /etc/coredns
                      readOnly: true
                    ports:
                    - {name: dns, containerPort: 53, protocol: UDP}
                    - {name: dns-tcp, containerPort: 53, protocol: TCP}
                    - {name: metrics, containerPort: 9153, protocol: TCP}
                    - {name: liveness-probe, containerPort: 8080, protocol: TCP}
                    - {name: readiness-probe, containerPort: 8181, protocol: TCP}
                    livenessProbe:
                      httpGet:
                        path: /health
                        port: liveness-probe
                        scheme: HTTP
                      initialDelaySeconds: 60
                      timeoutSeconds: 5
                      successThreshold: 1
                      failureThreshold: 5
                    readinessProbe:
                      httpGet:
                        path: /ready
                        port: readiness-probe
                        scheme: HTTP
                      # kubeadm probes every 10 s; a test cluster should not wait that long to be usable
                      periodSeconds: 1
                    securityContext:
                      allowPrivilegeEscalation: false
                      capabilities:
                        add: [NET_BIND_SERVICE]
                        drop: [ALL]
                      readOnlyRootFilesystem: true
                  dnsPolicy: Default
                  volumes:
                  - name: config-volume
                    configMap:
                      name: coredns
                      items:
                      - key: Corefile
                        path: Corefile
            """;

    private static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata:
              name: kube-dns
              namespace: kube-system
              labels:
                k8s-app: kube-dns
                kubernetes.io/cluster-service: "true"
                kubernetes.io/name: CoreDNS
              annotations:
                prometheus.io/port: "9153"
                prometheus.io/scrape: "true"
            spec:
              clusterIP: %s
              selector:
                k8s-app: kube-dns
              ports:
              - {name: dns, port: 53, protocol: UDP, targetPort: 53}
              - {name: dns-tcp, port: 53, protocol: TCP, targetPort: 53}
              - {name: metrics, port: 9153, protocol: TCP, targetPort: 9153}
            """;

    private CoreDns() {}

    /**
     * kubeadm's two replicas, except on a one-node cluster: a second copy on the same node protects against nothing
     * and costs about 30 MiB and a pod start during creation. Nodes added later do not scale it.
     */
    static int replicas(ClusterPlan plan) {
        return plan.nodes().size() == 1 ? 1 : 2;
    }

    static List<String> documents(ClusterPlan plan) {
        return List.of(
                SERVICE_ACCOUNT,
                CLUSTER_ROLE,
                CLUSTER_ROLE_BINDING,
                CONFIG_MAP.formatted(ClusterPlan.CLUSTER_DOMAIN),
                DEPLOYMENT.formatted(replicas(plan), KubeletFiles.CONTROL_PLANE_TAINT_KEY, PreloadedImages.COREDNS),
                SERVICE.formatted(plan.dnsServiceIp()));
    }
}
