package dev.kindj.cli.start;

import dev.kindj.cli.shared.ClusterName;
import dev.kindj.cli.shared.DurationConverter;
import dev.kindj.cli.shared.ExitCodes;
import dev.kindj.cli.shared.Verbosity;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "cluster", description = "Start a stopped cluster again and wait until its nodes are Ready.")
public final class StartClusterCommand implements Callable<Integer> {

    @Mixin
    private Verbosity verbosity;
    @Mixin
    private ClusterName clusterName;
    @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "2m", converter = DurationConverter.class,
            description = "How long to wait for nodes and DNS to be ready again; 0 returns once the containers run (default: ${DEFAULT-VALUE}).")
    private Duration wait;

    @Override
    public Integer call() {
        verbosity.progress("Starting cluster \"" + clusterName.get() + "\" ...");
        clusterName.cluster().start(wait);
        return ExitCodes.OK;
    }
}
