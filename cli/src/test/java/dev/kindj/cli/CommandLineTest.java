package dev.kindj.cli;

import dev.kindj.cli.shared.Verbosity;
import dev.kindj.cli.shared.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/** What the command line does before any command talks to Docker: parsing, help, logging setup, completion. */
class CommandLineTest {

    private static final String LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    private static final String LOG_FILE = "org.slf4j.simpleLogger.logFile";

    @AfterEach
    void backToDefaults() {
        KindjCommand.commandLine();
    }

    @Test
    void verbosityPicksTheLogLevelAndLogsGoToStderr() {
        assertThat(CliRun.of("version").exitCode()).isZero();
        assertThat(System.getProperty(LEVEL)).isEqualTo("warn");
        assertThat(System.getProperty(LOG_FILE)).isEqualTo("System.err");
        CliRun.of("version", "-v", "1");
        assertThat(System.getProperty(LEVEL)).isEqualTo("info");
        CliRun.of("version", "-v", "2");
        assertThat(System.getProperty(LEVEL)).isEqualTo("debug");
        CliRun.of("version", "-q");
        assertThat(System.getProperty(LEVEL)).isEqualTo("error");
        assertThat(Verbosity.isQuiet()).isTrue();
    }

    @Test
    void everyRunStartsFromTheDefaultVerbosity() {
        CliRun.of("version", "-q", "-v", "3");
        CliRun.of("version");
        assertThat(Verbosity.isQuiet()).isFalse();
        assertThat(Verbosity.isDebug()).isFalse();
        assertThat(System.getProperty(LEVEL)).isEqualTo("warn");
    }

    @Test
    void aCommandLineForOneCommandHasThatCommandAsTheFullTreeHasIt() {
        CommandLine all = KindjCommand.commandLine();
        assertThat(all.getSubcommands().keySet())
                .containsExactlyElementsOf(KindjCommand.COMMANDS.stream().map(KindjCommand::name).toList());
        for (String name : all.getSubcommands().keySet()) {
            CommandLine one = KindjCommand.commandLine(name, "--help");
            assertThat(one.getSubcommands().keySet()).containsExactly(name);
            assertThat(one.getSubcommands().get(name).getUsageMessage())
                    .isEqualTo(all.getSubcommands().get(name).getUsageMessage());
        }
        assertThat(KindjCommand.commandLine("--help").getSubcommands()).hasSameSizeAs(all.getSubcommands());
        assertThat(KindjCommand.commandLine("nope").getSubcommands()).hasSameSizeAs(all.getSubcommands());
    }

    @Test
    void everyOptionOfATypeWhoseConverterPicocliSkipsHasItsOwn() {
        Deque<CommandLine> commands = new ArrayDeque<>(List.of(KindjCommand.commandLine()));
        int checked = 0;
        while (!commands.isEmpty()) {
            CommandLine command = commands.pop();
            commands.addAll(command.getSubcommands().values());
            for (ArgSpec arg : command.getCommandSpec().args()) {
                if (arg.type().getName().matches(KindjCommand.SKIPPED_CONVERTERS)) {
                    assertThat(arg.converters()).as(command.getCommandName() + " " + arg.paramLabel()).isNotEmpty();
                    checked++;
                }
            }
        }
        assertThat(checked).as("options of java.time types (--wait)").isPositive();
        CommandLine start = KindjCommand.commandLine("start", "cluster", "--wait", "90s");
        assertThat(start.parseArgs("start", "cluster", "--wait", "90s").subcommand().subcommand()
                .matchedOptionValue("--wait", Duration.ZERO)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void completionScriptsKnowEveryCommand() {
        CliRun bash = CliRun.of("completion", "bash");
        assertThat(bash.exitCode()).isZero();
        assertThat(bash.out()).contains("complete -F _complete_kindj")
                .contains("local commands=\"version create get delete export build load stop start doctor completion\"")
                .contains("=(get clusters)");
        assertThat(CliRun.of("completion", "zsh").out()).isEqualTo(bash.out());
        CliRun fish = CliRun.of("completion", "fish");
        assertThat(fish.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(fish.out()).isEmpty();
        assertThat(fish.err()).contains("bash, zsh");
    }

    @Test
    void theListCommandsDocumentTheirJson() {
        for (String list : new String[] {"clusters", "nodes"}) {
            CliRun help = CliRun.of("get", list, "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).contains("-o, --output=FORMAT").contains("text, json").contains("With -o json: one object per");
        }
        assertThat(CliRun.of("get", "nodes", "-o", "yaml").exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
