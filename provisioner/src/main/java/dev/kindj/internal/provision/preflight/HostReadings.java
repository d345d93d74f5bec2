package dev.kindj.internal.provision.preflight;

import dev.kindj.config.Ipv4Cidr;
import dev.kindj.config.PortMapping;
import java.util.List;
import java.util.Optional;

/**
 * What the preflight checks read about the Docker engine and the host it runs on. The real readings ask Docker and
 * read {@code /proc}; unit tests give their own. Facts about the engine's host (inotify, ports, routes, disk,
 * capabilities) can be read only when kindj runs on that host, and are missing otherwise.
 */
public interface HostReadings {

    /** The engine's versions and data root; missing when no engine answers. */
    Reading<Engine> engine();

    /** Capabilities the engine cannot grant a container (named as in Docker, e.g. {@code SYS_RESOURCE}). */
    Reading<List<String>> ungrantableCapabilities();

    /** The inotify instance limit per user and how many the user that node processes run as holds now. */
    Reading<InotifyUse> inotify();

    /** The same for the user {@code uid}, such as a cluster's control-plane user (see ControlPlaneUser). */
    Reading<InotifyUse> inotify(int uid);

    /** Bytes free for Docker under its data root. */
    Reading<Long> freeBytes();

    /** IPv4 subnets of every Docker network and every host route but the default one, each with its name. */
    Reading<List<NamedSubnet>> takenSubnets();

    /** The /24 a new cluster network would get, or empty when the pool has none left. */
    Reading<Optional<Ipv4Cidr>> nextClusterSubnet();

    /** Whether something on the engine's host already holds the mapping's host port on its listen address. */
    Reading<Boolean> portInUse(PortMapping mapping);

    /**
     * @param version    the engine's version, e.g. {@code 20.10.24}
     * @param apiVersion the newest API version it speaks, e.g. {@code 1.41}
     * @param rootDir    Docker's data root, e.g. {@code /var/lib/docker}
     * @param address    where kindj reached it, e.g. {@code unix:///var/run/docker.sock}
     */
    record Engine(String version, String apiVersion, String rootDir, String address) {
    }

    /**
     * @param limit {@code fs.inotify.max_user_instances}
     * @param inUse instances the user holds now across the host
     */
    record InotifyUse(int limit, int inUse) {

        public int free() {
            return Math.max(0, limit - inUse);
        }
    }

    /** @param name what holds the subnet, e.g. {@code Docker network kindj-demo} or {@code host route via eth0} */
    record NamedSubnet(String name, Ipv4Cidr cidr) {
    }
}
