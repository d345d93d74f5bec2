package dev.kindj.cli;

import dev.kindj.cli.shared.Verbosity;
import dev.kindj.cli.shared.ExitCodes;
import dev.kindj.cli.build.BuildCommand;
import dev.kindj.cli.create.CreateCommand;
import dev.kindj.cli.delete.DeleteCommand;
import dev.kindj.cli.export.ExportCommand;
import dev.kindj.cli.get.GetCommand;
import dev.kindj.cli.load.LoadCommand;
import dev.kindj.cli.start.StartCommand;
import dev.kindj.cli.stop.StopCommand;
import picocli.CommandLine;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;

/** The kindj command line: kind's verb-noun commands, each a thin shell around the public API (dev.kindj.api). */
@Command(
        name = "kindj",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = VersionCommand.Provider.class,
        description = "Kubernetes-in-Docker test clusters, driven from Java.")
public final class KindjCommand {

    /** The commands under kindj, in the order help lists them. */
    static final List<Class<?>> COMMANDS = List.of(VersionCommand.class, CreateCommand.class, GetCommand.class,
            DeleteCommand.class, ExportCommand.class, BuildCommand.class, LoadCommand.class, StopCommand.class,
            StartCommand.class, DoctorCommand.class, CompletionCommand.class);

    /** The types whose built-in converters picocli is told not to register (a regular expression of class names). */
    static final String SKIPPED_CONVERTERS = "java\\.(time|sql)\\..*";

    public static void main(String[] args) {
        CommandLine commandLine = commandLine(args);
        int exitCode;
        try {
            exitCode = commandLine.execute(args);
        } finally {
            // System.exit does not flush writers: without this, output printed without a newline was lost.
            commandLine.getOut().flush();
            commandLine.getErr().flush();
        }
        System.exit(exitCode);
    }

    /** Every command with all its subcommands and options, as help and completion scripts show them. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line to run these arguments with. picocli builds a command's model by reflection, which for all of
     * kindj's commands took longer than the JVM's own start: when the first argument names a command, only that
     * command is built, with its subcommands. Anything else (help, --version, a typo to suggest a command for) gets
     * every command.
     */
    public static CommandLine commandLine(String... args) {
        Verbosity.reset();
        skipPicocliLookups();
        CommandLine commandLine = new CommandLine(new KindjCommand());
        boolean named = args.length > 0 && COMMANDS.stream().anyMatch(command -> name(command).equals(args[0]));
        // A loop, not commandLine::addSubcommand: the class data sharing archive cannot hold a lambda that links
        // picocli's (Java 5) classes, so each such lambda would be made at run time, a few milliseconds each.
        for (Class<?> command : COMMANDS) {
            if (!named || name(command).equals(args[0])) {
                commandLine.addSubcommand(command);
            }
        }
        // Made now and handed to every subcommand: one that asked first would get writers of its own, which main
        // would not flush.
        commandLine.setOut(commandLine.getOut());
        commandLine.setErr(commandLine.getErr());
        return ExitCodes.install(commandLine);
    }

    /**
     * Turns off two look-ups picocli makes for every command line, which kindj has no use for: a Groovy class, whose
     * absence the JVM finds only by opening and indexing the whole shaded jar (16,000 entries), and the built-in
     * converters of java.time and java.sql types, registered by reflection, which initialise java.time's formatters
     * (kindj's durations have a converter of their own).
     */
    private static void skipPicocliLookups() {
        System.setProperty("picocli.disable.closures", "true");
        System.setProperty("picocli.converters.excludes", SKIPPED_CONVERTERS);
    }

    /**
     * A command's name: its class's, lower case, without "Command" (CommandLineTest checks that each matches its
     * annotation). Reading the annotations to find the named command would cost much of what building one saves.
     */
    static String name(Class<?> command) {
        return command.getSimpleName().replace("Command", "").toLowerCase(Locale.ROOT);
    }
}
