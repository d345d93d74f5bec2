package dev.kindj.internal.provision.bootstrap.steps;

import dev.kindj.internal.provision.bootstrap.components.ApiOnlyFiles;
import dev.kindj.internal.provision.bootstrap.context.CreationContext;
import dev.kindj.internal.provision.bootstrap.context.CreationStep;
import dev.kindj.internal.provision.node.NodeProvider;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Waits until the api-only node's script says on its console that it is ready (API ready, admin allowed in), following
 * the console as it is written: nothing polls while the API server starts. A node whose container stopped fails at
 * once, with its console.
 */
public final class AwaitApiOnlyReady implements CreationStep {

    static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int CONSOLE_TAIL = 4000;

    @Override
    public String title() {
        return "Waiting for the API server";
    }

    @Override
    public void run(CreationContext context) throws InterruptedException {
        await(context.provider(), context.plan().firstControlPlane().name(), TIMEOUT);
    }

    /** Also after a start of a stopped api-only cluster: only what the script printed since that start counts. */
    public static void await(NodeProvider provider, String node, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        if (provider.awaitConsoleLine(node, ApiOnlyFiles.READY_LINE, timeout)) {
            return;
        }
        String problem = Instant.now().isBefore(deadline) ? "api-only node " + node + " stopped"
                : "the API server of " + node + " was not ready after " + timeout.toSeconds() + " s";
        throw new IllegalStateException(problem + "; its console:\n" + console(provider, node));
    }

    private static String console(NodeProvider provider, String node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        provider.copyConsole(node, out);
        String text = out.toString(StandardCharsets.UTF_8);
        return text.length() > CONSOLE_TAIL ? "..." + text.substring(text.length() - CONSOLE_TAIL) : text;
    }
}
