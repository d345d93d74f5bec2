package dev.kindj.internal.provision.bootstrap.components;

import dev.kindj.internal.nodeimage.PreloadedImages;
import java.util.List;

/**
 * The default StorageClass {@code standard}, as kind has it: rancher's local-path-provisioner makes each volume a
 * folder under {@value #NODE_PATH} on the node of the pod that first uses it (on the node's /var volume, so data
 * survives restarts), and removes it with the claim. From local-path-provisioner v0.0.30's deploy manifest.
 */
public final class LocalPathStorage {

    public static final String STORAGE_CLASS = "standard";
    static final String NODE_PATH = "/var/local-path-provisioner";

    private static final String RBAC = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: local-path-storage
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: local-path-provisioner-service-account
              namespace: local-path-storage
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: local-path-provisioner-role
              namespace: local-path-storage
            rules:
            - apiGroups: [""]
              resources: [pods]
              verbs: [get, list, watch, create, patch, update, delete]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: local-path-provisioner-role
            rules:
            - apiGroups: [""]
              resources: [nodes, persistentvolumeclaims, configmaps, pods, pods/log]
              verbs: [get, list, watch]
            - apiGroups: [""]
              resources: [persistentvolumes]
              verbs: [get, list, watch, create, patch, update, delete]
            - apiGroups: [""]
              resources: [events]
              verbs: [create, patch]
            - apiGroups: [storage.k8s.io]
              resources: [storageclasses]
              verbs: [get, list, watch]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: local-path-provisioner-bind
              namespace: local-path-storage
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: Role
              name: local-path-provisioner-role
            subjects:
            - kind: ServiceAccount
              name: local-path-provisioner-service-account
              namespace: local-path-storage
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: local-path-provisioner-bind
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: ClusterRole
              name: local-path-provisioner-role
            subjects:
            - kind: ServiceAccount
              name: local-path-provisioner-service-account
              namespace: local-path-storage
            """;

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: local-path-provisioner
              namespace: local-path-storage
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app: local-path-provisioner
              template:
                metadata:
                  labels:
                    app: local-path-provisioner
                spec:
                  serviceAccountName: local-path-provisioner-service-account
                  tolerations:
                  - key: node-role.kubernetes.io/control-plane
                    operator: Exists
                    effect: NoSchedule
                  containers:
                  - name: local-path-provisioner
                    image: %s
                    imagePullPolicy: IfNotPresent
                    command: [/local-path-provisioner, --debug, start, --config, /etc/config/config.json]
                    volumeMounts:
                    - name: config-volume
                      mountPath: /etc/config/
                    env:
                    - name: POD_NAMESPACE
                      valueFrom:
                        fieldRef:
                          fieldPath: metadata.namespace
                    - name: CONFIG_MOUNT_PATH
                      value: /etc/config/
                  volumes:
                  - name: config-volume
                    configMap:
                      name: local-path-config
            """.formatted(PreloadedImages.LOCAL_PATH_PROVISIONER);

    private static final String STORAGE_CLASS_YAML = """
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata:
              name: %s
              annotations:
                storageclass.kubernetes.io/is-default-class: "true"
            provisioner: rancher.io/local-path
            volumeBindingMode: WaitForFirstConsumer
            reclaimPolicy: Delete
            """.formatted(STORAGE_CLASS);

    /* The helper pod runs on the volume's node, which may be a tainted control plane: it tolerates every taint. */
    private static final String CONFIG = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: local-path-config
              namespace: local-path-storage
            data:
              config.json: |-
                {"nodePathMap": [{"node": "DEFAULT_PATH_FOR_NON_LISTED_NODES", "paths": ["%s"]}]}
              setup: |-
                #!/bin/sh
                set -eu
                mkdir -m 0777 -p "$VOL_DIR"
              teardown: |-
                #!/bin/sh
                set -eu
                rm -rf "$VOL_DIR"
              helperPod.yaml: |-
                apiVersion: v1
                kind: Pod
                metadata:
                  name: helper-pod
                spec:
                  priorityClassName: system-node-critical
                  tolerations:
                  - operator: Exists
                  containers:
                  - name: helper-pod
                    image: %s
                    imagePullPolicy: IfNotPresent
            """.formatted(NODE_PATH, PreloadedImages.LOCAL_PATH_HELPER);

    private LocalPathStorage() {}

    /** The provisioner's namespace, RBAC, configuration and Deployment, and the default StorageClass. */
    public static List<String> documents() {
        return List.of(RBAC, CONFIG, DEPLOYMENT, STORAGE_CLASS_YAML);
    }
}
