package dev.kindj.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each config has one mistake; the message must say where it is, which field, and what to do. */
class MalformedConfigTest {

    /** The two lines every kind config starts with, so the bodies below begin on line 3. */
    private static final String HEADER = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n";

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedConfigs")
    void reportsTheProblemPrecisely(String description, String yaml, String expected) {
        assertThatThrownBy(() -> ClusterConfigLoader.parse(yaml, "cluster.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(expected);
    }

    static Stream<Arguments> malformedConfigs() {
        return Stream.of(
                // YAML itself
                malformed("YAML syntax error", HEADER + """
                        nodes:
                        - role: worker
                          image: kindest/node: v1
                        """, "cluster.yaml:5:22: mapping values are not allowed here"),
                malformed("unclosed flow sequence", HEADER + """
                        nodes: [{role: worker}
                        """, "cluster.yaml:4:1: expected ',' or ']', but got <stream end> (while parsing a flow "
                        + "sequence that starts at 3:8)"),
                malformed("empty file", "# nothing here\n",
                        "cluster.yaml: there is no configuration; a kind config file needs at least 'kind: Cluster' "
                                + "and 'apiVersion: kind.x-k8s.io/v1alpha4'"),
                malformed("document is a list", "- kind: Cluster\n",
                        "cluster.yaml:1:1: expected a map starting with 'kind: Cluster'"),
                malformed("duplicate field", HEADER + """
                        name: one
                        name: two
                        """, "cluster.yaml:4:1: name: duplicate field; it is already set on line 3, remove one"),

                // kind and apiVersion
                malformed("missing apiVersion", "kind: Cluster\nname: dev\n",
                        "cluster.yaml:1:1: apiVersion: required; add 'apiVersion: kind.x-k8s.io/v1alpha4'"),
                malformed("missing kind", "apiVersion: kind.x-k8s.io/v1alpha4\n",
                        "cluster.yaml:1:1: kind: required; add 'kind: Cluster'"),
                malformed("old apiVersion", "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha3\n",
                        "cluster.yaml:2:13: apiVersion: 'kind.x-k8s.io/v1alpha3' is not supported; use "
                                + "'apiVersion: kind.x-k8s.io/v1alpha4'"),
                malformed("wrong kind", "kind: Config\napiVersion: kind.x-k8s.io/v1alpha4\n",
                        "cluster.yaml:1:7: kind: 'Config' is not supported; kind config files have 'kind: Cluster'"),

                // kindj's registry extension
                malformed("registry name with capitals", HEADER + """
                        name: dev
                        kindjRegistry: My_Registry
                        """, "cluster.yaml:4:16: kindjRegistry: 'My_Registry' is not a valid registry name"),
                malformed("registry name as a list", HEADER + """
                        kindjRegistry: [a, b]
                        """, "cluster.yaml:3:16: kindjRegistry:"),

                // unknown fields
                malformed("misspelt node field", HEADER + """
                        nodes:
                        - role: worker
                          extraPortMapping:
                          - containerPort: 80
                        """, "cluster.yaml:5:3: nodes[0].extraPortMapping: unknown field; did you mean "
                        + "'extraPortMappings'?"),
                malformed("wrong case", HEADER + """
                        nodes:
                        - extraPortMappings:
                          - containerPort: 80
                            hostport: 8080
                        """, "cluster.yaml:6:5: nodes[0].extraPortMappings[0].hostport: unknown field; did you mean "
                        + "'hostPort'?"),
                malformed("misspelt networking field", HEADER + """
                        networking:
                          apiServerPorts: 6443
                        """, "cluster.yaml:4:3: networking.apiServerPorts: unknown field; did you mean "
                        + "'apiServerPort'?"),
                malformed("unrelated top-level field", HEADER + """
                        workers: 3
                        """, "cluster.yaml:3:1: workers: unknown field; known fields are kind, apiVersion, name, "
                        + "nodes, networking, featureGates, runtimeConfig, kubeadmConfigPatches, "
                        + "kubeadmConfigPatchesJSON6902, containerdConfigPatches, containerdConfigPatchesJSON6902, kindjRegistry"),

                // types
                malformed("string where a list is expected", HEADER + """
                        nodes: three
                        """, "cluster.yaml:3:8: nodes: expected a list, got the string 'three'"),
                malformed("quoted number", HEADER + """
                        nodes:
                        - extraPortMappings:
                          - containerPort: 80
                            hostPort: "8080"
                        """, "cluster.yaml:6:15: nodes[0].extraPortMappings[0].hostPort: expected an integer, got "
                        + "the string '8080' (remove the quotes)"),
                malformed("docker-style port pair", HEADER + """
                        nodes:
                        - extraPortMappings:
                          - containerPort: 8080:80
                        """, "cluster.yaml:5:20: nodes[0].extraPortMappings[0].containerPort: expected an integer, "
                        + "got the string '8080:80'"),
                malformed("word where a boolean is expected", HEADER + """
                        nodes:
                        - extraMounts:
                          - hostPath: /tmp
                            containerPath: /tmp
                            readOnly: maybe
                        """, "cluster.yaml:7:15: nodes[0].extraMounts[0].readOnly: expected a boolean (true or "
                        + "false), got the string 'maybe'"),
                malformed("labels as a list", HEADER + """
                        nodes:
                        - labels:
                          - ingress-ready=true
                        """, "cluster.yaml:5:3: nodes[0].labels: expected a map, got a list"),
                malformed("feature gate not a boolean", HEADER + """
                        featureGates:
                          InPlacePodVerticalScaling: "true"
                        """, "cluster.yaml:4:30: featureGates.InPlacePodVerticalScaling: expected a boolean (true or "
                        + "false), got the string 'true' (remove the quotes)"),
                malformed("list where a string is expected", HEADER + """
                        name: [a, b]
                        """, "cluster.yaml:3:7: name: expected a string, got a list"),

                // values kind knows as a closed set
                malformed("unknown role", HEADER + """
                        nodes:
                        - role: master
                        """, "cluster.yaml:4:9: nodes[0].role: role 'master' is not known; use control-plane or "
                        + "worker"),
                malformed("lower-case protocol", HEADER + """
                        nodes:
                        - extraPortMappings:
                          - containerPort: 53
                            protocol: udp
                        """, "cluster.yaml:6:15: nodes[0].extraPortMappings[0].protocol: protocol 'udp' is not known; "
                        + "use TCP, UDP or SCTP"),
                malformed("unknown propagation", HEADER + """
                        nodes:
                        - extraMounts:
                          - hostPath: /tmp
                            containerPath: /tmp
                            propagation: rshared
                        """, "cluster.yaml:7:18: nodes[0].extraMounts[0].propagation: propagation 'rshared' is not "
                        + "known; use None, HostToContainer or Bidirectional"),
                malformed("unknown kube-proxy mode", HEADER + """
                        networking:
                          kubeProxyMode: userspace
                        """, "cluster.yaml:4:18: networking.kubeProxyMode: kubeProxyMode 'userspace' is not known; "
                        + "use iptables, nftables, ipvs or none"),
                malformed("IPv6 cluster", HEADER + """
                        networking:
                          ipFamily: ipv6
                        """, "cluster.yaml:4:13: networking.ipFamily: 'ipv6' is not supported yet; kindj supports "
                        + "only ipv4, so remove ipFamily or set it to ipv4"),
                malformed("dual-stack cluster", HEADER + """
                        networking:
                          ipFamily: dual
                        """, "cluster.yaml:4:13: networking.ipFamily: 'dual' is not supported yet"),

                // cluster name and nodes
                malformed("name with capitals and underscore", HEADER + """
                        name: My_Cluster
                        """, "cluster.yaml:3:7: name: 'My_Cluster' is not a valid cluster name; use lower-case "
                        + "letters, digits, '.' and '-', starting with a letter or digit"),
                malformed("name too long", HEADER + "name: " + "a".repeat(48) + "\n",
                        "cluster.yaml:3:7: name: '" + "a".repeat(48) + "' is 48 characters long; the limit is 47 so "
                                + "that node names like '<name>-control-plane2' fit in a 63-character hostname"),
                malformed("no control-plane node", HEADER + """
                        nodes:
                        - role: worker
                        - role: worker
                        """, "cluster.yaml:4:1: nodes: no node has role control-plane; a cluster needs at least one, "
                        + "so add a node with 'role: control-plane'"),
                malformed("label key with a space", HEADER + """
                        nodes:
                        - labels:
                            "bad key": x
                        """, "cluster.yaml:5:5: nodes[0].labels[\"bad key\"]: label key 'bad key' is invalid: the "
                        + "name must be at most 63 letters, digits, '-', '_' or '.', beginning and ending with a "
                        + "letter or digit"),
                malformed("label key with an upper-case prefix", HEADER + """
                        nodes:
                        - labels:
                            Example.com/zone: a
                        """, "cluster.yaml:5:5: nodes[0].labels[\"Example.com/zone\"]: label key "
                        + "'Example.com/zone' has an invalid prefix 'Example.com': it must be a lower-case DNS "
                        + "subdomain of at most 253 characters, like example.com"),
                malformed("label value starting with a dash", HEADER + """
                        nodes:
                        - labels:
                            tier: "-front"
                        """, "cluster.yaml:5:5: nodes[0].labels.tier: label value '-front' is invalid: it must be "
                        + "empty or at most 63 letters"),

                // mounts
                malformed("relative containerPath", HEADER + """
                        nodes:
                        - extraMounts:
                          - hostPath: /srv/data
                            containerPath: data
                        """, "cluster.yaml:6:20: nodes[0].extraMounts[0].containerPath: 'data' is not an absolute "
                        + "path; it must start with '/'"),
                malformed("empty hostPath", HEADER + """
                        nodes:
                        - extraMounts:
                          - hostPath: ""
                            containerPath: /data
                        """, "cluster.yaml:5:15: nodes[0].extraMounts[0].hostPath: required; set the file or "
                        + "directory on the host to mount"),

                // ports
                malformed("host port out of range", HEADER + """
                        nodes:
                        - role: control-plane
                        - role: worker
                          extraPortMappings:
                          - containerPort: 80
                            hostPort: 70000
                        """, "cluster.yaml:8:15: nodes[1].extraPortMappings[0].hostPort: port 70000 is out of range "
                        + "0-65535"),
                malformed("container port missing", HEADER + """
                        nodes:
                        - extraPortMappings:
                          - hostPort: 8080
                        """, "cluster.yaml:5:5: nodes[0].extraPortMappings[0].containerPort: required; set the port "
                        + "inside the node to forward to (1-65535)"),
                malformed("integer too large for a port", HEADER + """
                        nodes:
                        - extraPortMappings:
                          - containerPort: 99999999999
                        """, "cluster.yaml:5:20: nodes[0].extraPortMappings[0].containerPort: expected an integer, "
                        + "got '99999999999'"),
                malformed("same host port on two nodes", HEADER + """
                        nodes:
                        - extraPortMappings:
                          - containerPort: 80
                            hostPort: 80
                        - role: worker
                          extraPortMappings:
                          - containerPort: 8080
                            hostPort: 80
                        """, "cluster.yaml:10:15: nodes[1].extraPortMappings[0].hostPort: host port 80/TCP on 0.0.0.0 "
                        + "is already taken by nodes[0].extraPortMappings[0] (80/TCP on 0.0.0.0); use another "
                        + "hostPort, or 0 for a random one"),
                malformed("host port on one address clashes with all addresses", HEADER + """
                        nodes:
                        - extraPortMappings:
                          - containerPort: 80
                            hostPort: 80
                            listenAddress: 127.0.0.1
                          - containerPort: 81
                            hostPort: 80
                        """, "cluster.yaml:9:15: nodes[0].extraPortMappings[1].hostPort: host port 80/TCP on 0.0.0.0 "
                        + "is already taken by nodes[0].extraPortMappings[0] (80/TCP on 127.0.0.1)"),
                malformed("host port clashes with the API server", HEADER + """
                        networking:
                          apiServerPort: 6443
                        nodes:
                        - extraPortMappings:
                          - containerPort: 6443
                            hostPort: 6443
                        """, "cluster.yaml:8:15: nodes[0].extraPortMappings[0].hostPort: host port 6443/TCP on "
                        + "0.0.0.0 is already taken by networking.apiServerPort (6443/TCP on 127.0.0.1)"),
                malformed("listen address is a host name", HEADER + """
                        nodes:
                        - extraPortMappings:
                          - containerPort: 80
                            listenAddress: localhost
                        """, "cluster.yaml:6:20: nodes[0].extraPortMappings[0].listenAddress: 'localhost' is not an "
                        + "IP address; use e.g. 127.0.0.1, or 0.0.0.0 for all addresses"),

                // networking
                malformed("API server address is a host name", HEADER + """
                        networking:
                          apiServerAddress: localhost
                        """, "cluster.yaml:4:21: networking.apiServerAddress: 'localhost' is not an IP address; use "
                        + "e.g. 127.0.0.1"),
                malformed("API server port out of range", HEADER + """
                        networking:
                          apiServerPort: 65536
                        """, "cluster.yaml:4:18: networking.apiServerPort: port 65536 is out of range 0-65535"),
                malformed("pod subnet without prefix", HEADER + """
                        networking:
                          podSubnet: 10.244.0.0
                        """, "cluster.yaml:4:14: networking.podSubnet: '10.244.0.0' is not a valid IPv4 CIDR; write "
                        + "it like 10.244.0.0/16"),
                malformed("service subnet with a bad octet", HEADER + """
                        networking:
                          serviceSubnet: 10.960.0.0/16
                        """, "cluster.yaml:4:18: networking.serviceSubnet: '10.960.0.0/16' is not a valid IPv4 CIDR; "
                        + "write it like 10.96.0.0/16"),
                malformed("IPv6 pod subnet", HEADER + """
                        networking:
                          podSubnet: fd00:10:244::/56
                        """, "cluster.yaml:4:14: networking.podSubnet: 'fd00:10:244::/56' is an IPv6 subnet; kindj "
                        + "supports only ipv4 for now, so use an IPv4 CIDR such as 10.244.0.0/16"),
                malformed("overlapping subnets", HEADER + """
                        networking:
                          podSubnet: 10.96.0.0/16
                          serviceSubnet: 10.96.128.0/20
                        """, "cluster.yaml:5:18: networking.serviceSubnet: 10.96.128.0/20 overlaps podSubnet "
                        + "10.96.0.0/16; pod and service addresses must not collide"),
                malformed("pod subnet smaller than a node's share", HEADER + """
                        networking:
                          podSubnet: 10.244.0.0/25
                        """, "cluster.yaml:4:14: networking.podSubnet: 10.244.0.0/25 is too small; every node gets a "
                        + "/24 of it, so use a prefix between /8 and /24"),
                malformed("pod subnet too small for the nodes", HEADER + """
                        networking:
                          podSubnet: 10.244.0.0/23
                        nodes:
                        - role: control-plane
                        - role: worker
                        - role: worker
                        """, "cluster.yaml:4:14: networking.podSubnet: 10.244.0.0/23 is too small for 3 nodes; every "
                        + "node gets a /24 of it, so use a prefix of /22 or shorter"),
                malformed("pod subnet too large", HEADER + """
                        networking:
                          podSubnet: 10.0.0.0/7
                        """, "cluster.yaml:4:14: networking.podSubnet: 10.0.0.0/7 is too large"),
                malformed("service subnet too small", HEADER + """
                        networking:
                          serviceSubnet: 10.96.0.0/29
                        """, "cluster.yaml:4:18: networking.serviceSubnet: 10.96.0.0/29 is too small; use a prefix "
                        + "between /12 (the most kube-apiserver accepts) and /28 (room for the API server and DNS "
                        + "service addresses)"),
                malformed("service subnet too large", HEADER + """
                        networking:
                          serviceSubnet: 10.0.0.0/8
                        """, "cluster.yaml:4:18: networking.serviceSubnet: 10.0.0.0/8 is too large; use a prefix "
                        + "between /12"));
    }

    private static Arguments malformed(String description, String yaml, String expectedMessage) {
        return Arguments.of(description, yaml, expectedMessage);
    }
}
