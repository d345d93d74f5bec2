package dev.kindj.internal.provision.bootstrap.context;

import dev.kindj.internal.provision.node.NodeProvider;
import java.util.ArrayList;
import java.util.List;

/** Starts the systemd units the node image ships; their arguments were written beforehand. */
public final class NodeServices {

    private NodeServices() {
    }

    public static void start(NodeProvider provider, String nodeName, String... units) {
        List<String> command = new ArrayList<>(List.of("systemctl", "start"));
        command.addAll(List.of(units));
        provider.exec(nodeName, command, null).orThrow(nodeName);
    }

    /** Reloads unit files written by kindj and enables and starts the given ones. */
    public static void enableNow(NodeProvider provider, String nodeName, String... units) {
        provider.exec(nodeName, "systemctl", "daemon-reload").orThrow(nodeName);
        List<String> command = new ArrayList<>(List.of("systemctl", "enable", "--now"));
        command.addAll(List.of(units));
        provider.exec(nodeName, command, null).orThrow(nodeName);
    }

    /** The unit's recent journal, for error messages. */
    public static String journal(NodeProvider provider, String nodeName, String unit) {
        return provider.exec(nodeName, "journalctl", "-u", unit, "-n", "15", "--no-pager", "-o", "cat").stdout();
    }
}
