package dev.kindj.internal.provision.preflight;

import dev.kindj.InvalidRequestException;
import java.util.stream.Collectors;

/** The host cannot take what was asked; nothing was created. The message lists each shortfall and its fix. */
public class PreflightException extends InvalidRequestException {

    public PreflightException(PreflightReport report) {
        super("cannot " + report.demand().operation() + "; nothing was created:\n" + report.failures().stream()
                .map(failure -> "  - " + failure.check() + ": " + failure.detail() + ".\n    Fix: " + failure.fix()
                        + ".")
                .collect(Collectors.joining("\n")));
    }
}
