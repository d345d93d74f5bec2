package dev.kindj.cli;

import picocli.CommandLine.Option;

/** Shared -v/--verbosity and -q/--quiet options; they set the log level before anything logs. */
public final class Verbosity {

    private static volatile boolean quiet;
    private static volatile int level;

    @Option(names = {"-v", "--verbosity"}, paramLabel = "LEVEL", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Log detail: 0 (default) warnings, 1 info, 2 and above debug.")
    void setVerbosity(int verbosity) {
        level = verbosity;
        applyLogLevel();
    }

    @Option(names = {"-q", "--quiet"}, scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Print only results and errors, no progress.")
    void setQuiet(boolean value) {
        quiet = value;
        applyLogLevel();
    }

    public static boolean isQuiet() {
        return quiet;
    }

    public static boolean isDebug() {
        return level >= 2;
    }

    private static void applyLogLevel() {
        String logLevel = quiet ? "error" : switch (Math.min(level, 2)) {
            case 0 -> "warn";
            case 1 -> "info";
            default -> "debug";
        };
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", logLevel);
    }
}
