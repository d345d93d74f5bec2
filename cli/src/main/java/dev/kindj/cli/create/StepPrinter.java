package dev.kindj.cli.create;

import dev.kindj.internal.provision.bootstrap.CreationProgress;
import java.io.PrintWriter;
import java.time.Duration;

/** Prints kind-style progress: one line per step, rewritten in place on a terminal. */
final class StepPrinter implements CreationProgress {

    private final PrintWriter out;
    private final boolean terminal;

    StepPrinter(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void started(String title) {
        if (terminal) {
            out.print(" • " + title + " ...");
            out.flush();
        }
    }

    @Override
    public void finished(String title, Duration took) {
        out.println((terminal ? "\r" : "") + " ✓ " + title + String.format(" (%.1fs)", took.toMillis() / 1000.0));
        out.flush();
    }

    @Override
    public void failed(String title, Throwable error) {
        out.println((terminal ? "\r" : "") + " ✗ " + title);
        out.flush();
    }
}
