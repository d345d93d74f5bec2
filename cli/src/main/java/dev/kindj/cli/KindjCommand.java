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
import picocli.CommandLine.Command;

/** The kindj command line: kind's verb-noun commands, each a thin shell around the public API (dev.kindj.api). */
@Command(
        name = "kindj",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = VersionCommand.Provider.class,
        description = "Kubernetes-in-Docker test clusters, driven from Java.",
        subcommands = {VersionCommand.class, CreateCommand.class, GetCommand.class, DeleteCommand.class,
                ExportCommand.class, BuildCommand.class, LoadCommand.class,
                StopCommand.class, StartCommand.class, DoctorCommand.class, CompletionCommand.class})
public final class KindjCommand {

    public static void main(String[] args) {
        CommandLine commandLine = commandLine();
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

    public static CommandLine commandLine() {
        Verbosity.reset();
        CommandLine commandLine = new CommandLine(new KindjCommand());
        // Made now and handed to every subcommand: one that asked first would get writers of its own, which main
        // would not flush.
        commandLine.setOut(commandLine.getOut());
        commandLine.setErr(commandLine.getErr());
        return ExitCodes.install(commandLine);
    }
}
