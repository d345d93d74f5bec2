package dev.kindj.cli;

import dev.kindj.cli.delete.DeleteCommand;
import dev.kindj.cli.get.GetCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The kindj command line: kind's verb-noun commands, driven by the kindj library. */
@Command(
        name = "kindj",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "Kubernetes-in-Docker test clusters, driven from Java.",
        subcommands = {VersionCommand.class, GetCommand.class, DeleteCommand.class})
public final class Kindj {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return ExitCodes.install(new CommandLine(new Kindj()));
    }
}
