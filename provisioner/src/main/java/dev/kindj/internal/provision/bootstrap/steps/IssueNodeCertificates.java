package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.pki.ClusterAuthorities;
import dev.kindj.internal.provision.pki.ClusterPki;
import dev.kindj.internal.provision.pki.PkiPaths;
import dev.kindj.internal.provision.pki.PkiRequest;
import dev.kindj.internal.provision.plan.ClusterPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For nodes joining a running cluster: reads the cluster's authorities from its first control plane and, in the
 * background while the nodes boot, issues only the added nodes' identities (their kubelet's and kube-proxy's, and for
 * a control plane its API server's, etcd's and its components').
 */
public final class IssueNodeCertificates implements CreationStep {

    private static final List<String> AUTHORITY_FILES = List.of(
            PkiPaths.certificate(PkiPaths.CA), PkiPaths.key(PkiPaths.CA),
            PkiPaths.certificate(PkiPaths.FRONT_PROXY_CA), PkiPaths.key(PkiPaths.FRONT_PROXY_CA),
            PkiPaths.certificate(PkiPaths.ETCD_CA), PkiPaths.key(PkiPaths.ETCD_CA),
            PkiPaths.SERVICE_ACCOUNT_KEY, PkiPaths.SERVICE_ACCOUNT_PUBLIC_KEY);

    @Override
    public String title() {
        return "Issuing the new nodes' certificates";
    }

    @Override
    public void run(CreationContext context) {
        ClusterPlan plan = context.plan();
        String controlPlane = plan.firstControlPlane().name();
        Map<String, byte[]> files = new LinkedHashMap<>();
        AUTHORITY_FILES.forEach(path -> files.put(path, context.provider().copyOut(controlPlane, path)));
        ClusterAuthorities authorities = ClusterAuthorities.load(files);
        PkiRequest request = GenerateCertificates.request(plan, context.addedNodes(),
                GenerateCertificates.clientAddress(plan, context.provider()));
        context.pki(context.inBackground(() -> ClusterPki.generate(request, authorities)));
    }
}
