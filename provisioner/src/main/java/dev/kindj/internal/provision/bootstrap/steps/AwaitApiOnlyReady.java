package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.internal.provision.bootstrap.components.ApiOnlyFiles;
import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.node.Node;
import dev.kindj.internal.provision.node.NodeProvider;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Waits until the api-only node's script marks it ready (API ready, admin allowed in), looking every few milliseconds:
 * a cheap file read through the engine. A node whose container stopped fails at once, with its console.
 */
public final class AwaitApiOnlyReady implements CreationStep {

    static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final long PAUSE_MILLIS = 25;
    /** About once a second: a listing costs the engine more than a file check. */
    private static final int POLLS_PER_RUNNING_CHECK = 40;
    private static final int CONSOLE_TAIL = 4000;

    @Override
    public String title() {
        return "Waiting for the API server";
    }

    @Override
    public void run(CreationContext context) throws InterruptedException {
        await(context.provider(), context.plan().name(), context.plan().firstControlPlane().name(), TIMEOUT);
    }

    /**
     * Also after a start of a stopped api-only cluster, where the script removes the last start's marker first thing
     * (a poll in the moment before that can still see it).
     */
    public static void await(NodeProvider provider, String clusterName, String node, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        for (int poll = 0; !provider.exists(node, ApiOnlyFiles.READY_MARKER); poll++) {
            if (poll % POLLS_PER_RUNNING_CHECK == POLLS_PER_RUNNING_CHECK - 1 && !running(provider, clusterName, node)) {
                throw new IllegalStateException("api-only node " + node + " stopped; its console:\n" + console(provider, node));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the API server of " + node + " was not ready after "
                        + timeout.toSeconds() + " s; its console:\n" + console(provider, node));
            }
            Thread.sleep(PAUSE_MILLIS);
        }
    }

    private static boolean running(NodeProvider provider, String clusterName, String node) {
        return provider.listNodes(clusterName).stream().filter(n -> n.name().equals(node)).anyMatch(Node::isRunning);
    }

    private static String console(NodeProvider provider, String node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        provider.copyConsole(node, out);
        String text = out.toString(StandardCharsets.UTF_8);
        return text.length() > CONSOLE_TAIL ? "..." + text.substring(text.length() - CONSOLE_TAIL) : text;
    }
}
