package dev.kindj.internal.provision.bootstrap.context;

import dev.kindj.internal.provision.bootstrap.components.ComponentFiles;
import dev.kindj.internal.provision.node.NodeProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Starts the systemd units the node image ships; their arguments were written before the node's start. */
public final class NodeServices {

    private NodeServices() {
    }

    /**
     * Starts units whose arguments were held back from the node's boot ({@link ComponentFiles#forBoot}): moves them
     * where the units look, where they stay for every later boot, and starts the units; one exec.
     */
    public static void release(NodeProvider provider, String nodeName, String... units) {
        enableNowThenRelease(provider, nodeName, List.of(), List.of(units));
    }

    /**
     * Enables and starts {@code enable}, unit files written by kindj (enable reloads systemd's configuration, so it sees
     * them), then {@link #release}s {@code release} once those have started: one exec, since each is a round trip to the
     * engine.
     */
    public static void enableNowThenRelease(NodeProvider provider, String nodeName, List<String> enable,
                                            List<String> release) {
        List<String> commands = new ArrayList<>();
        if (!enable.isEmpty()) {
            commands.add("systemctl enable --now " + String.join(" ", enable));
        }
        if (!release.isEmpty()) {
            commands.add("mv " + release.stream().map(ComponentFiles::heldArgsPath).collect(Collectors.joining(" "))
                    + " " + ComponentFiles.ARGS_DIR + "/");
            commands.add("systemctl start " + String.join(" ", release));
        }
        provider.exec(nodeName, List.of("sh", "-c", String.join(" && ", commands)), null).orThrow(nodeName);
    }

    /** The unit's recent journal, for error messages. */
    public static String journal(NodeProvider provider, String nodeName, String unit) {
        return provider.exec(nodeName, "journalctl", "-u", unit, "-n", "15", "--no-pager", "-o", "cat").stdout();
    }
}
