package dev.kindj.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks a finished model for values that kind, Docker or Kubernetes would reject later, less clearly. */
final class ConfigValidator {
    /** Node containers are named like {@code <name>-control-plane2}, and must fit a 63-character hostname. */
    private static final int MAX_NAME_LENGTH = 47;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]*");
    /** kube-controller-manager hands every node a /24 of the pod subnet, at most 16 bits below it. */
    private static final int NODE_POD_PREFIX = 24;
    private static final int LARGEST_POD_PREFIX = NODE_POD_PREFIX - 16;
    /** kube-apiserver refuses service ranges larger than /12; the DNS service takes the tenth address. */
    private static final int LARGEST_SERVICE_PREFIX = 12;
    private static final int SMALLEST_SERVICE_PREFIX = 28;
    private static final int MAX_PORT = 65535;

    private final Problems problems;

    private ConfigValidator(Problems problems) {
        this.problems = problems;
    }

    static void validate(ClusterConfig config, Problems problems) {
        new ConfigValidator(problems).check(config);
    }

    private void check(ClusterConfig config) {
        checkName(config.name());
        if (config.controlPlanes().isEmpty()) {
            problems.report("nodes", "no node has role control-plane; a cluster needs at least one, so add a node "
                    + "with 'role: control-plane'");
        }
        for (int i = 0; i < config.nodes().size(); i++) {
            checkNode(config.nodes().get(i), FieldPath.index("nodes", i));
        }
        checkNetworking(config.networking(), config.nodes().size());
        checkHostPortsAreUnique(config);
        config.registry().flatMap(RegistryName::problem)
                .ifPresent(problem -> problems.report(RegistryName.CONFIG_FIELD, problem));
    }

    private void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            problems.report("name", "'" + name + "' is not a valid cluster name; use lower-case letters, digits, "
                    + "'.' and '-', starting with a letter or digit");
        } else if (name.length() > MAX_NAME_LENGTH) {
            problems.report("name", "'" + name + "' is " + name.length() + " characters long; the limit is "
                    + MAX_NAME_LENGTH + " so that node names like '<name>-control-plane2' fit in a 63-character "
                    + "hostname");
        }
    }

    private void checkNode(NodeConfig node, String path) {
        node.labels().forEach((key, value) -> {
            String labelPath = FieldPath.key(path + ".labels", key);
            LabelRules.keyProblem(key).ifPresent(problem -> problems.report(labelPath, problem));
            LabelRules.valueProblem(value).ifPresent(problem -> problems.report(labelPath, problem));
        });
        for (int j = 0; j < node.extraMounts().size(); j++) {
            checkMount(node.extraMounts().get(j), FieldPath.index(path + ".extraMounts", j));
        }
        for (int j = 0; j < node.extraPortMappings().size(); j++) {
            checkPortMapping(node.extraPortMappings().get(j), FieldPath.index(path + ".extraPortMappings", j));
        }
    }

    private void checkMount(Mount mount, String path) {
        if (mount.hostPath() == null || mount.hostPath().isBlank()) {
            problems.report(path + ".hostPath", "required; set the file or directory on the host to mount");
        }
        if (mount.containerPath() == null) {
            problems.report(path + ".containerPath", "required; set the absolute path inside the node to mount at");
        } else if (!mount.containerPath().startsWith("/")) {
            problems.report(path + ".containerPath", "'" + mount.containerPath() + "' is not an absolute path; "
                    + "it must start with '/'");
        }
    }

    private void checkPortMapping(PortMapping mapping, String path) {
        if (mapping.containerPort() == 0) {
            problems.report(path + ".containerPort", "required; set the port inside the node to forward to "
                    + "(1-" + MAX_PORT + ")");
        } else {
            checkPort(path + ".containerPort", mapping.containerPort(), 1);
        }
        checkPort(path + ".hostPort", mapping.hostPort(), 0);
        if (!IpAddresses.isIpAddress(mapping.listenAddress())) {
            problems.report(path + ".listenAddress", "'" + mapping.listenAddress() + "' is not an IP address; use "
                    + "e.g. 127.0.0.1, or 0.0.0.0 for all addresses");
        }
    }

    private void checkPort(String path, int port, int lowest) {
        if (port < lowest || port > MAX_PORT) {
            problems.report(path, "port " + port + " is out of range " + lowest + "-" + MAX_PORT);
        }
    }

    private void checkNetworking(Networking networking, int nodeCount) {
        if (networking.ipFamily() != IpFamily.IPV4) {
            problems.report("networking.ipFamily", "'" + networking.ipFamily().yamlName() + "' is not supported "
                    + "yet; kindj supports only ipv4, so remove ipFamily or set it to ipv4");
        }
        if (!IpAddresses.isIpAddress(networking.apiServerAddress())) {
            problems.report("networking.apiServerAddress", "'" + networking.apiServerAddress() + "' is not an IP "
                    + "address; use e.g. 127.0.0.1");
        }
        checkPort("networking.apiServerPort", networking.apiServerPort(), 0);
        Optional<Ipv4Cidr> pods = subnet("networking.podSubnet", networking.podSubnet(),
                Networking.DEFAULT_POD_SUBNET);
        Optional<Ipv4Cidr> services = subnet("networking.serviceSubnet", networking.serviceSubnet(),
                Networking.DEFAULT_SERVICE_SUBNET);
        pods.ifPresent(cidr -> checkPodSubnetSize(networking.podSubnet(), cidr, nodeCount));
        services.ifPresent(cidr -> checkServiceSubnetSize(networking.serviceSubnet(), cidr));
        if (pods.isPresent() && services.isPresent() && pods.get().overlaps(services.get())) {
            problems.report("networking.serviceSubnet", networking.serviceSubnet() + " overlaps podSubnet "
                    + networking.podSubnet() + "; pod and service addresses must not collide, so choose ranges "
                    + "that do not overlap (kind uses " + Networking.DEFAULT_POD_SUBNET + " and "
                    + Networking.DEFAULT_SERVICE_SUBNET + ")");
        }
    }

    private Optional<Ipv4Cidr> subnet(String path, String text, String example) {
        Optional<Ipv4Cidr> cidr = Ipv4Cidr.parse(text);
        if (cidr.isEmpty() && text.contains(":")) {
            problems.report(path, "'" + text + "' is an IPv6 subnet; kindj supports only ipv4 for now, so use an "
                    + "IPv4 CIDR such as " + example);
        } else if (cidr.isEmpty()) {
            problems.report(path, "'" + text + "' is not a valid IPv4 CIDR; write it like " + example);
        }
        return cidr;
    }

    private void checkPodSubnetSize(String text, Ipv4Cidr cidr, int nodeCount) {
        String path = "networking.podSubnet";
        int prefixForNodes = NODE_POD_PREFIX - (Integer.SIZE - Integer.numberOfLeadingZeros(nodeCount - 1));
        if (cidr.prefix() < LARGEST_POD_PREFIX) {
            problems.report(path, text + " is too large; kube-controller-manager accepts at most a /"
                    + LARGEST_POD_PREFIX + " when every node gets a /" + NODE_POD_PREFIX + ", so use a prefix "
                    + "between /" + LARGEST_POD_PREFIX + " and /" + NODE_POD_PREFIX);
        } else if (cidr.prefix() > NODE_POD_PREFIX) {
            problems.report(path, text + " is too small; every node gets a /" + NODE_POD_PREFIX + " of it, so use "
                    + "a prefix between /" + LARGEST_POD_PREFIX + " and /" + NODE_POD_PREFIX);
        } else if (cidr.prefix() > prefixForNodes) {
            problems.report(path, text + " is too small for " + nodeCount + " nodes; every node gets a /"
                    + NODE_POD_PREFIX + " of it, so use a prefix of /" + prefixForNodes + " or shorter");
        }
    }

    private void checkServiceSubnetSize(String text, Ipv4Cidr cidr) {
        if (cidr.prefix() < LARGEST_SERVICE_PREFIX || cidr.prefix() > SMALLEST_SERVICE_PREFIX) {
            problems.report("networking.serviceSubnet", text + " is too "
                    + (cidr.prefix() < LARGEST_SERVICE_PREFIX ? "large" : "small") + "; use a prefix between /"
                    + LARGEST_SERVICE_PREFIX + " (the most kube-apiserver accepts) and /" + SMALLEST_SERVICE_PREFIX
                    + " (room for the API server and DNS service addresses)");
        }
    }

    /** Docker cannot publish the same host port twice, and a wildcard address clashes with every other one. */
    private void checkHostPortsAreUnique(ClusterConfig config) {
        List<HostBinding> taken = new ArrayList<>();
        for (HostPortRequest request : config.fixedHostPorts()) {
            PortMapping mapping = request.mapping();
            if (mapping.hostPort() > 0 && mapping.hostPort() <= MAX_PORT) {
                claim(taken, new HostBinding(request.field(), mapping.hostPort(), mapping.protocol(),
                        mapping.listenAddress()));
            }
        }
    }

    private void claim(List<HostBinding> taken, HostBinding binding) {
        Optional<HostBinding> clash = taken.stream().filter(binding::clashesWith).findFirst();
        if (clash.isPresent()) {
            problems.report(binding.owner() + ".hostPort", "host port " + binding.describe() + " is already taken "
                    + "by " + clash.get().owner() + " (" + clash.get().describe() + "); use another hostPort, or 0 "
                    + "for a random one");
        } else {
            taken.add(binding);
        }
    }

    private record HostBinding(String owner, int port, PortProtocol protocol, String address) {
        private static final List<String> WILDCARDS = List.of(PortMapping.ANY_ADDRESS, "::");

        boolean clashesWith(HostBinding other) {
            return port == other.port && protocol == other.protocol && (address.equals(other.address)
                    || WILDCARDS.contains(address) || WILDCARDS.contains(other.address));
        }

        String describe() {
            return port + "/" + protocol.yamlName() + " on " + address;
        }
    }
}
