package dev.kindj.cli;

import dev.kindj.cli.shared.Verbosity;
import dev.kindj.cli.shared.ExitCodes;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "completion", description = {"Print a shell completion script for kindj's commands and options.",
        "bash: source <(kindj completion bash)   (or save it in /etc/bash_completion.d/kindj)",
        "zsh:  source <(kindj completion zsh)    (in ~/.zshrc)"})
public final class CompletionCommand implements Callable<Integer> {

    /**
     * Both get picocli's script: under zsh it loads zsh's bash compatibility (bashcompinit) itself, and runs compinit
     * only when it has not run yet, which a preamble of ours could not know.
     */
    enum Shell { bash, zsh }

    @Mixin
    private Verbosity verbosity;
    @Parameters(index = "0", paramLabel = "SHELL", description = "One of: ${COMPLETION-CANDIDATES}.")
    private Shell shell;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        // The whole tree: the command line that runs this command built the other commands as stand-ins only.
        CommandLine all = KindjCommand.commandLine();
        spec.commandLine().getOut().print(AutoComplete.bash(all.getCommandName(), all));
        return ExitCodes.OK;
    }
}
