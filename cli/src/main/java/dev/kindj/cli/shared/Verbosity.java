package dev.kindj.cli.shared;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * Shared -v/--verbosity and -q/--quiet options. They set slf4j-simple's level while the command line is parsed, which
 * is before anything creates a logger; logs go to stderr so that stdout carries only results.
 */
public final class Verbosity {

    private static volatile boolean quiet;
    private static volatile int level;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = {"-v", "--verbosity"}, paramLabel = "LEVEL", scope = ScopeType.INHERIT,
            description = "Log detail: 0 (default) warnings, 1 info, 2 and above debug (e.g. the commands run in nodes).")
    void setVerbosity(int verbosity) {
        level = verbosity;
        applyLogSettings();
    }

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Print only results and errors, no progress.")
    void setQuiet(boolean value) {
        quiet = value;
        applyLogSettings();
    }

    public static boolean isQuiet() {
        return quiet;
    }

    public static boolean isDebug() {
        return level >= 2;
    }

    /** Prints a progress line to stderr, unless --quiet. */
    public void progress(String line) {
        if (!quiet) {
            command.commandLine().getErr().println(line);
        }
    }

    /** Back to the defaults before parsing: picocli calls the setters above only for options that are given. */
    public static void reset() {
        quiet = false;
        level = 0;
        applyLogSettings();
    }

    private static void applyLogSettings() {
        String logLevel = quiet ? "error" : switch (Math.min(level, 2)) {
            case 0 -> "warn";
            case 1 -> "info";
            default -> "debug";
        };
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", logLevel);
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    }
}
