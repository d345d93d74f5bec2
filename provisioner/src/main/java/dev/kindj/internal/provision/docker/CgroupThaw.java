package dev.kindj.internal.provision.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thawing a node whose init is gone but whose frozen processes keep Docker from killing it. Nothing in the node can
 * run any more, so a short-lived container of the node's own image runs its kindj-thaw against the engine host's
 * cgroup hierarchies, limited to that node's subtree. It needs no extra rights beyond the host cgroup namespace.
 */
final class CgroupThaw {

    /** In the node image (node-image/recipe/node/files/usr/local/bin/kindj-thaw). */
    private static final String COMMAND = "/usr/local/bin/kindj-thaw";
    private static final Logger LOG = LoggerFactory.getLogger(CgroupThaw.class);
    private static final String HOST_CGROUPS = "/host-cgroup";

    private CgroupThaw() {
    }

    static void fromEngineHost(DockerClient docker, InspectContainerResponse node) {
        String helper = docker.createContainerCmd(node.getConfig().getImage())
                .withEntrypoint(COMMAND)
                .withCmd(HOST_CGROUPS, node.getId())
                .withHostConfig(HostConfig.newHostConfig()
                        .withCgroupnsMode("host")
                        .withNetworkMode("none")
                        .withSecurityOpts(List.of("apparmor=unconfined"))
                        .withBinds(new Bind("/sys/fs/cgroup", new Volume(HOST_CGROUPS))))
                .exec().getId();
        try {
            docker.startContainerCmd(helper).exec();
            int exit = docker.waitContainerCmd(helper).start().awaitStatusCode();
            LOG.info("thawed the cgroups of {} from the engine's host (exit {})", node.getName(), exit);
        } finally {
            docker.removeContainerCmd(helper).withForce(true).exec();
        }
    }
}
