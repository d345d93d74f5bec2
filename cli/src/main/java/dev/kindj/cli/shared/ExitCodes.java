package dev.kindj.cli.shared;

import dev.kindj.KindjException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParseResult;

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
        Failures failures = new Failures();
        return commandLine.setExitCodeExceptionMapper(failures).setExecutionExceptionHandler(failures);
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

    /**
     * A class, not lambdas: the class data sharing archive cannot hold a lambda of picocli's (Java 5) interfaces, so
     * every run would make them anew, a few milliseconds each.
     */
    private static final class Failures implements IExitCodeExceptionMapper, IExecutionExceptionHandler {

        @Override
        public int getExitCode(Throwable error) {
            return forException(error);
        }

        @Override
        public int handleExecutionException(Exception error, CommandLine cmd, ParseResult parseResult) {
            cmd.getErr().println(cmd.getColorScheme().errorText("ERROR: " + message(error)));
            if (Verbosity.isDebug()) {
                error.printStackTrace(cmd.getErr());
            }
            return forException(error);
        }
    }
}
