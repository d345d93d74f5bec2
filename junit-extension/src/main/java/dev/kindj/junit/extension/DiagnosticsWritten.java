package dev.kindj.junit.extension;

import java.nio.file.Path;

/** Added to a failure as a suppressed exception, so the failure output names the diagnostics folder. */
final class DiagnosticsWritten extends Exception {

    private static final long serialVersionUID = 1L;

    DiagnosticsWritten(Path directory) {
        super("kindj wrote the cluster's state at this failure to " + directory.toAbsolutePath(), null, false, false);
    }
}
