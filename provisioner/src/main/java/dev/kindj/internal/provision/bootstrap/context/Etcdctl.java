package dev.kindj.internal.provision.bootstrap.context;

import static dev.kindj.internal.provision.pki.PkiPaths.certificate;
import static dev.kindj.internal.provision.pki.PkiPaths.key;

import dev.kindj.internal.provision.bootstrap.components.EtcdFiles;
import dev.kindj.internal.provision.node.ExecResult;
import dev.kindj.internal.provision.node.NodeProvider;
import dev.kindj.internal.provision.pki.PkiPaths;
import java.util.ArrayList;
import java.util.List;

/** etcd's own client inside a control plane, talking to that node's etcd with the health-check client certificate. */
public final class Etcdctl {

    private Etcdctl() {
    }

    public static ExecResult run(NodeProvider provider, String controlPlane, String... arguments) {
        List<String> command = new ArrayList<>(List.of("etcdctl",
                "--endpoints=" + EtcdFiles.LOCAL_CLIENT_URL,
                "--cacert=" + certificate(PkiPaths.ETCD_CA),
                "--cert=" + certificate(PkiPaths.ETCD_HEALTHCHECK_CLIENT),
                "--key=" + key(PkiPaths.ETCD_HEALTHCHECK_CLIENT)));
        command.addAll(List.of(arguments));
        return provider.exec(controlPlane, command, null);
    }
}
