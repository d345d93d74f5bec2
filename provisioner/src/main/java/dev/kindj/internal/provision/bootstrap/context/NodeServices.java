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

    /**
     * Enables and starts {@code enable}, unit files written by kindj (enable reloads systemd's configuration, so it sees
     * them), then starts {@code start} once those have started: one exec, since each is a round trip to the engine.
     */
    public static void enableNowThenStart(NodeProvider provider, String nodeName, List<String> enable, List<String> start) {
        List<String> commands = new ArrayList<>();
        if (!enable.isEmpty()) {
            commands.add("systemctl enable --now " + String.join(" ", enable));
        }
        if (!start.isEmpty()) {
            commands.add("systemctl start " + String.join(" ", start));
        }
        provider.exec(nodeName, List.of("sh", "-c", String.join(" && ", commands)), null).orThrow(nodeName);
    }

    /** The unit's recent journal, for error messages. */
    public static String journal(NodeProvider provider, String nodeName, String unit) {
        return provider.exec(nodeName, "journalctl", "-u", unit, "-n", "15", "--no-pager", "-o", "cat").stdout();
    }
}
