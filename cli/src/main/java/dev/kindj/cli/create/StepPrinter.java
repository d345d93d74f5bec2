package dev.kindj.cli.create;

import dev.kindj.api.CreationListener;
import java.io.PrintWriter;
import java.time.Duration;

/** Prints kind-style progress: config warnings, image build lines, one line per step rewritten in place on a terminal. */
final class StepPrinter implements CreationListener {

    private final PrintWriter out;
    private final boolean terminal;

    StepPrinter(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void warning(String text) {
        out.println(" ! " + text);
    }

    @Override
    public void message(String line) {
        out.println("   " + line);
    }

    @Override
    public void stepStarted(String title) {
        if (terminal) {
            out.print(" • " + title + " ...");
            out.flush();
        }
    }

    @Override
    public void stepFinished(String title, Duration took) {
        out.println((terminal ? "\r" : "") + " ✓ " + title + String.format(" (%.1fs)", took.toMillis() / 1000.0));
        out.flush();
    }

    @Override
    public void stepFailed(String title, Throwable error) {
        out.println((terminal ? "\r" : "") + " ✗ " + title);
        out.flush();
    }
}
