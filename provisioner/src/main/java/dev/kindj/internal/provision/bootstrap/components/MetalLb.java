package dev.kindj.internal.provision.bootstrap.components;

import dev.kindj.internal.nodeimage.PreloadedImages;
import dev.kindj.internal.provision.plan.ClusterPlan;
import dev.kindj.internal.provision.plan.LoadBalancerAddresses;
import java.util.List;

/**
 * Services of type LoadBalancer: MetalLB in L2 mode gives each an address from the upper half of the cluster network
 * (see {@link LoadBalancerAddresses}) and a node answers ARP for it on its Docker interface, so the host and every
 * container on that network reach it. Kept small: no admission webhook (so no certificates to rotate), no memberlist
 * (nodes' readiness tells MetalLB which may announce), no metrics endpoints. The speakers announce from control
 * planes too, despite kubeadm's {@code exclude-from-external-load-balancers} label, so one-node clusters work.
 */
public final class MetalLb {

    public static final String NAMESPACE = "metallb-system";
    /** MetalLB's generated CRDs, put in the node image by the recipe's build.sh. */
    public static final String CRDS = "/kindj/metallb-crds.yaml";
    /** The CRDs the address pool needs before it can be created. */
    public static final List<String> POOL_CRDS = List.of("ipaddresspools.metallb.io", "l2advertisements.metallb.io");
    public static final String CONTROLLER = "controller";
    public static final String SPEAKER = "speaker";
    /** The node interface on the cluster's Docker network, the only one worth announcing on. */
    private static final String NODE_INTERFACE = "eth0";

    private static final String RBAC = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: metallb-system
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: controller
              namespace: metallb-system
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: speaker
              namespace: metallb-system
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: metallb-system:controller
            rules:
            - apiGroups: [""]
              resources: [services, namespaces, nodes]
              verbs: [get, list, watch]
            - apiGroups: [""]
              resources: [services/status]
              verbs: [update]
            - apiGroups: [""]
              resources: [events]
              verbs: [create, patch]
            - apiGroups: [metallb.io]
              resources: [configurationstates, configurationstates/status]
              verbs: [get, list, watch, create, update, patch, delete]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: metallb-system:speaker
            rules:
            - apiGroups: [""]
              resources: [services, endpoints, nodes, namespaces]
              verbs: [get, list, watch]
            - apiGroups: [discovery.k8s.io]
              resources: [endpointslices]
              verbs: [get, list, watch]
            - apiGroups: [""]
              resources: [events]
              verbs: [create, patch]
            - apiGroups: [metallb.io]
              resources: [servicel2statuses, servicel2statuses/status, configurationstates, configurationstates/status]
              verbs: [get, list, watch, create, update, patch, delete]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: metallb-system:controller
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "metallb-system:controller"}
            subjects:
            - {kind: ServiceAccount, name: controller, namespace: metallb-system}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: metallb-system:speaker
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "metallb-system:speaker"}
            subjects:
            - {kind: ServiceAccount, name: speaker, namespace: metallb-system}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: metallb
              namespace: metallb-system
            rules:
            - apiGroups: [""]
              resources: [pods, secrets, configmaps]
              verbs: [get, list, watch]
            - apiGroups: [apps]
              resources: [deployments]
              resourceNames: [controller]
              verbs: [get]
            - apiGroups: [metallb.io]
              resources: [ipaddresspools, l2advertisements, bgppeers, bgpadvertisements, bfdprofiles, communities]
              verbs: [get, list, watch]
            - apiGroups: [metallb.io]
              resources: [ipaddresspools/status]
              verbs: [update]
            - apiGroups: [metallb.io]
              resources: [servicebgpstatuses, servicebgpstatuses/status]
              verbs: [get, list, watch, create, update, patch, delete]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: metallb
              namespace: metallb-system
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: metallb}
            subjects:
            - {kind: ServiceAccount, name: controller, namespace: metallb-system}
            - {kind: ServiceAccount, name: speaker, namespace: metallb-system}
            """;

    /* Readiness every 2 s (MetalLB's own manifests wait 10 s first), so creation sees it ready soon. */
    private static final String CONTROLLER_DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: controller
              namespace: metallb-system
            spec:
              replicas: 1
              revisionHistoryLimit: 3
              selector:
                matchLabels: {app: metallb, component: controller}
              template:
                metadata:
                  labels: {app: metallb, component: controller}
                spec:
                  serviceAccountName: controller
                  terminationGracePeriodSeconds: 0
                  securityContext: {runAsNonRoot: true, runAsUser: 65534, fsGroup: 65534}
                  tolerations:
                  - {key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}
                  containers:
                  - name: controller
                    image: %s
                    imagePullPolicy: IfNotPresent
                    args: [--port=0, --webhook-mode=disabled, --disable-cert-rotation, --log-level=info]
                    env:
                    - name: METALLB_POD_NAME
                      valueFrom: {fieldRef: {fieldPath: metadata.name}}
                    - {name: METALLB_DEPLOYMENT, value: controller}
                    readinessProbe:
                      httpGet: {path: /readyz, port: 17472}
                      periodSeconds: 1
                    livenessProbe:
                      httpGet: {path: /healthz, port: 17472}
                      initialDelaySeconds: 10
                      periodSeconds: 10
                    securityContext:
                      allowPrivilegeEscalation: false
                      readOnlyRootFilesystem: true
                      capabilities: {drop: [ALL]}
            """.formatted(PreloadedImages.METALLB_CONTROLLER);

    private static final String SPEAKER_DAEMON_SET = """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: speaker
              namespace: metallb-system
            spec:
              selector:
                matchLabels: {app: metallb, component: speaker}
              template:
                metadata:
                  labels: {app: metallb, component: speaker}
                spec:
                  serviceAccountName: speaker
                  hostNetwork: true
                  terminationGracePeriodSeconds: 2
                  tolerations:
                  - {key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}
                  containers:
                  - name: speaker
                    image: %s
                    imagePullPolicy: IfNotPresent
                    args: [--port=0, --ignore-exclude-lb, --log-level=info]
                    env:
                    - name: METALLB_NODE_NAME
                      valueFrom: {fieldRef: {fieldPath: spec.nodeName}}
                    - name: METALLB_POD_NAME
                      valueFrom: {fieldRef: {fieldPath: metadata.name}}
                    readinessProbe:
                      httpGet: {path: /readyz, port: 17472, host: 127.0.0.1}
                      periodSeconds: 1
                    livenessProbe:
                      httpGet: {path: /healthz, port: 17472, host: 127.0.0.1}
                      initialDelaySeconds: 10
                      periodSeconds: 10
                    securityContext:
                      allowPrivilegeEscalation: false
                      readOnlyRootFilesystem: true
                      capabilities: {drop: [ALL], add: [NET_RAW]}
            """.formatted(PreloadedImages.METALLB_SPEAKER);

    private static final String POOL = """
            apiVersion: metallb.io/v1beta1
            kind: IPAddressPool
            metadata:
              name: kindj
              namespace: metallb-system
            spec:
              addresses: [%s]
            ---
            apiVersion: metallb.io/v1beta1
            kind: L2Advertisement
            metadata:
              name: kindj
              namespace: metallb-system
            spec:
              ipAddressPools: [kindj]
              interfaces: [%s]
            """;

    private MetalLb() {
    }

    /** The namespace, RBAC, controller and speakers; MetalLB's CRDs are in the node image at {@value #CRDS}. */
    public static String components() {
        return String.join("---\n", RBAC, CONTROLLER_DEPLOYMENT, SPEAKER_DAEMON_SET);
    }

    /** The cluster's address pool and its L2 announcement; needs the CRDs established. */
    public static String pool(ClusterPlan plan) {
        return POOL.formatted(LoadBalancerAddresses.pool(plan.nodeSubnet()), NODE_INTERFACE);
    }
}
