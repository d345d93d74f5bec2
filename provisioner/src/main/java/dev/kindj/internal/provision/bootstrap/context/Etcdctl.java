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

    /**
     * Removes the member that peers at {@code peerUrl}, asking the etcd on {@code controlPlane}; when there is none
     * (a join that failed before its member was added) nothing happens. Members are found by address, since a member
     * added but never started has no name yet.
     */
    public static void removeMember(NodeProvider provider, String controlPlane, String peerUrl) {
        // one line per member: ID, status, name, peer URLs, client URLs, is learner
        run(provider, controlPlane, "member", "list").orThrow(controlPlane).stdout().lines()
                .map(line -> line.split(",\\s*"))
                .filter(fields -> fields.length > 3 && fields[3].equals(peerUrl))
                .findFirst()
                .ifPresent(member -> run(provider, controlPlane, "member", "remove", member[0]).orThrow(controlPlane));
    }
}
