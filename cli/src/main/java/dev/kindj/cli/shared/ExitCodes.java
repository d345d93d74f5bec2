package dev.kindj.cli.shared;

import dev.kindj.KindjException;
import picocli.CommandLine;

/** Every exit code kindj returns, and which failure maps to which: the one place that decides. */
public final class ExitCodes {

    public static final int OK = 0;
    /** Something failed while doing the work (Docker, a node, Kubernetes). */
    public static final int FAILURE = 1;
    /** The user asked for something invalid: bad flags, a bad config file, an unknown name. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }

    public static CommandLine install(CommandLine commandLine) {
        return commandLine
                .setExitCodeExceptionMapper(ExitCodes::forException)
                .setExecutionExceptionHandler((error, cmd, parseResult) -> {
                    cmd.getErr().println(cmd.getColorScheme().errorText("ERROR: " + message(error)));
                    if (Verbosity.isDebug()) {
                        error.printStackTrace(cmd.getErr());
                    }
                    return forException(error);
                });
    }

    static int forException(Throwable error) {
        if (error instanceof CommandLine.ParameterException
                || error instanceof KindjException kindj && kindj.invalidRequest()) {
            return USAGE;
        }
        return FAILURE;
    }

    private static String message(Throwable error) {
        return error.getMessage() != null ? error.getMessage() : error.toString();
    }
}
