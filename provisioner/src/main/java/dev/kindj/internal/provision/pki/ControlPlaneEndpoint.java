package dev.kindj.internal.provision.pki;

/** A control-plane node and the IP address its API server and etcd advertise. */
public record ControlPlaneEndpoint(String nodeName, String ip) {

    public ControlPlaneEndpoint {
        if (nodeName == null || nodeName.isBlank()) {
            throw new IllegalArgumentException("a control plane needs a node name");
        }
        if (ip == null || !SubjectAltNames.isIpLiteral(ip)) {
            throw new IllegalArgumentException("control plane " + nodeName + " needs an IP address, not " + ip);
        }
    }

    /** The API server of this node alone, as kubeadm gives it to the controller manager and scheduler. */
    public String localApiServerUrl() {
        String host = ip.contains(":") ? "[" + ip + "]" : ip;
        return "https://" + host + ":6443";
    }
}
