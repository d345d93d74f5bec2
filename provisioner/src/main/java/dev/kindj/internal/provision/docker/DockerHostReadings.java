package dev.kindj.internal.provision.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.model.Capability;
import dev.kindj.config.Ipv4Cidr;
import dev.kindj.config.PortMapping;
import dev.kindj.config.PortProtocol;
import dev.kindj.internal.provision.HostSockets;
import dev.kindj.internal.provision.preflight.HostReadings;
import dev.kindj.internal.provision.preflight.HostRoutes;
import dev.kindj.internal.provision.preflight.ProcFiles;
import dev.kindj.internal.provision.preflight.ProcInotify;
import dev.kindj.internal.provision.preflight.Reading;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Preflight readings from a Docker engine and, when kindj runs on the engine's host, from that host itself. The engine
 * is taken as local when it is reached through a Unix socket and names this host as its own; anything else (a TCP
 * engine, Docker Desktop's VM, a socket mounted into a container) leaves the host's facts unread. One instance is one
 * snapshot: what it read once it answers again.
 */
final class DockerHostReadings implements HostReadings {

    private static final Path PROC = Path.of("/proc");
    /** The nodes' processes run as root, on the host too unless the engine remaps users. */
    private static final int NODE_UID = 0;

    private final EngineApi engine;
    private final URI dockerHost;
    private final Supplier<JsonNode> info;
    private String notLocal;
    private Reading<InotifyUse> inotify;
    private List<NamedSubnet> taken;

    /**
     * @param engine the engine's API: the few fields read here need none of docker-java's models
     * @param info the engine's {@code /info}, read once for the provider
     */
    DockerHostReadings(EngineApi engine, URI dockerHost, Supplier<JsonNode> info) {
        this.engine = engine;
        this.dockerHost = dockerHost;
        this.info = info;
    }

    @Override
    public Reading<Engine> engine() {
        try {
            JsonNode version = engine.get("/version");
            return Reading.of(new Engine(version.path("Version").asText(), version.path("ApiVersion").asText(),
                    rootDir(), dockerHost.toString()));
        } catch (RuntimeException e) {
            return Reading.missing("no Docker engine answered at " + dockerHost + " (" + e.getMessage() + ")");
        }
    }

    @Override
    public Reading<List<String>> ungrantableCapabilities() {
        return onThisHost(() -> Reading.of(GrantableCapabilities.missingOnThisHost().stream().map(Capability::name)
                .toList()));
    }

    @Override
    public Reading<InotifyUse> inotify() {
        if (inotify == null) {
            inotify = inotify(NODE_UID);
        }
        return inotify;
    }

    @Override
    public Reading<InotifyUse> inotify(int uid) {
        return onThisHost(() -> readInotify(uid));
    }

    private Reading<InotifyUse> readInotify(int uid) {
        List<String> security = new ArrayList<>();
        info().path("SecurityOptions").forEach(option -> security.add(option.asText()));
        if (security.stream().anyMatch(option -> option.contains("userns") || option.contains("rootless"))) {
            return Reading.missing("the engine runs the nodes' users as other users (" + String.join(", ", security)
                    + ")");
        }
        return new ProcInotify(PROC).read(uid);
    }

    @Override
    public Reading<Long> freeBytes() {
        return onThisHost(() -> {
            try {
                return Reading.of(Files.getFileStore(Path.of(rootDir())).getUsableSpace());
            } catch (IOException e) {
                return Reading.missing("cannot read free space under " + rootDir() + ": " + e);
            }
        });
    }

    @Override
    public Reading<List<NamedSubnet>> takenSubnets() {
        if (taken == null) {
            List<NamedSubnet> subnets = new ArrayList<>(dockerNetworks());
            if (local().isPresent()) {
                // A Docker bridge shows up as a route too; it is named once, as its network.
                HostRoutes.read(PROC.resolve("net/route")).stream()
                        .filter(route -> subnets.stream().noneMatch(network -> network.cidr().equals(route.cidr())))
                        .forEach(subnets::add);
            }
            taken = List.copyOf(subnets);
        }
        return Reading.of(taken);
    }

    @Override
    public Reading<Optional<Ipv4Cidr>> nextClusterSubnet() {
        return takenSubnets().map(subnets -> SubnetAllocator.firstFree(subnets.stream().map(NamedSubnet::cidr).toList()));
    }

    @Override
    public Reading<Boolean> portInUse(PortMapping mapping) {
        return onThisHost(() -> tryToBind(mapping));
    }

    private static Reading<Boolean> tryToBind(PortMapping mapping) {
        if (mapping.protocol() == PortProtocol.SCTP) {
            return Reading.missing("Java cannot bind SCTP");
        }
        try {
            HostSockets.bind(mapping.listenAddress(), mapping.hostPort(), mapping.protocol());
            return Reading.of(false);
        } catch (BindException e) {
            // Only a clash counts: a port below 1024 refused to a non-root kindj is still Docker's to take.
            return Reading.of(String.valueOf(e.getMessage()).contains("in use"));
        } catch (IOException e) {
            return Reading.missing("cannot try " + mapping.listenAddress() + ":" + mapping.hostPort() + ": " + e);
        }
    }

    private List<NamedSubnet> dockerNetworks() {
        List<NamedSubnet> subnets = new ArrayList<>();
        for (JsonNode network : engine.get("/networks")) {
            for (JsonNode config : network.path("IPAM").path("Config")) {
                String subnet = config.path("Subnet").asText();
                if (subnet.contains(".")) {
                    subnets.add(new NamedSubnet("Docker network " + network.path("Name").asText(), Ipv4Cidr.of(subnet)));
                }
            }
        }
        return subnets;
    }

    /** What only the engine's own host shows: read when kindj runs there, else missing with the reason. */
    private <T> Reading<T> onThisHost(Supplier<Reading<T>> read) {
        Reading<Boolean> local = local();
        return local.isPresent() ? read.get() : Reading.missing(local.whyMissing());
    }

    /** Present (true) when the engine runs on this host; else why its host's facts cannot be read from here. */
    private Reading<Boolean> local() {
        if (notLocal == null) {
            notLocal = whyNotLocal();
        }
        return notLocal.isEmpty() ? Reading.of(true) : Reading.missing(notLocal);
    }

    private String whyNotLocal() {
        if (!"unix".equals(dockerHost.getScheme())) {
            return "the Docker engine at " + dockerHost + " is not reached through a local socket";
        }
        String here;
        try {
            here = ProcFiles.firstLine(PROC.resolve("sys/kernel/hostname"));
        } catch (IOException e) {
            return "cannot read this host's name from /proc: " + e.getMessage();
        }
        String engineHost = info().path("Name").asText();
        return here.equals(engineHost) ? ""
                : "the Docker engine runs on host '" + engineHost + "', not on this one ('" + here + "')";
    }

    private String rootDir() {
        return info().path("DockerRootDir").asText();
    }

    private JsonNode info() {
        return info.get();
    }
}
