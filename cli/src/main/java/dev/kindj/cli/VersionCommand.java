package dev.kindj.cli;

import dev.kindj.cli.shared.Verbosity;
import dev.kindj.cli.shared.ExitCodes;
import dev.kindj.api.Kindj;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "version", description = "Print the kindj version.")
public final class VersionCommand implements Callable<Integer> {

    @Mixin
    private Verbosity verbosity;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(line());
        return ExitCodes.OK;
    }

    /** java.runtime.version is the text Runtime.version() prints, without parsing it with a regular expression first. */
    static String line() {
        return "kindj v" + Kindj.version() + " java/" + System.getProperty("java.runtime.version") + " "
                + System.getProperty("os.name").toLowerCase() + "/" + System.getProperty("os.arch");
    }

    /** Lets `kindj --version` print the same line. */
    public static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {line()};
        }
    }
}
