package dev.kindj.internal.provision.bootstrap.components;

import dev.kindj.internal.provision.plan.ClusterPlan;
import java.util.ArrayList;
import java.util.List;

/** The objects kubeadm would create once the API is up (its RBAC bindings, the cluster DNS), and default storage. */
public final class ClusterObjects {

    /** Gives admin.conf's group, which is not system:masters, cluster-admin, so admin access can be revoked. */
    public static final String CLUSTER_ADMINS = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: kubeadm:cluster-admins
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: ClusterRole
              name: cluster-admin
            subjects:
            - apiGroup: rbac.authorization.k8s.io
              kind: Group
              name: kubeadm:cluster-admins
            """;

    /** Lets the API server reach kubelets' logs, exec and port-forward as its kubelet client identity. */
    private static final String KUBELET_API_ADMIN = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: kubeadm:kube-apiserver-kubelet-client
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: ClusterRole
              name: system:kubelet-api-admin
            subjects:
            - apiGroup: rbac.authorization.k8s.io
              kind: User
              name: kube-apiserver-kubelet-client
            """;

    private ClusterObjects() {}

    /** One multi-document YAML, to apply as a super-admin (system:masters) once the API answers. */
    public static String yaml(ClusterPlan plan) {
        List<String> documents = new ArrayList<>(List.of(CLUSTER_ADMINS, KUBELET_API_ADMIN));
        documents.addAll(CoreDns.documents(plan));
        documents.addAll(LocalPathStorage.documents());
        return String.join("---\n", documents);
    }
}
