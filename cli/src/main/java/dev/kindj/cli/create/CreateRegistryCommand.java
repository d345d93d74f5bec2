package dev.kindj.cli.create;

import dev.kindj.api.Kindj;
import dev.kindj.api.KindjRegistry;
import dev.kindj.api.RegistryBuilder;
import dev.kindj.cli.shared.ExitCodes;
import dev.kindj.cli.shared.RegistryNameOption;
import dev.kindj.cli.shared.Verbosity;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "registry", description = {"Create a local registry (CNCF distribution) published on 127.0.0.1:PORT.",
        "Push to localhost:PORT/...; clusters made with --registry NAME pull the same names."})
public final class CreateRegistryCommand implements Callable<Integer> {

    @Mixin
    private Verbosity verbosity;
    @Mixin
    private RegistryNameOption registryName;
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + RegistryBuilder.DEFAULT_PORT,
            description = "Host port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    private int port;

    @Override
    public Integer call() {
        verbosity.progress("Creating registry \"" + registryName.get() + "\" on localhost:" + port + " ...");
        KindjRegistry registry = Kindj.connect().registry(registryName.get()).port(port)
                .progress(verbosity::progress).create();
        verbosity.progress("Push images with:\n\ndocker push " + registry.host() + "/IMAGE:TAG\n\n"
                + "and make clusters that pull them with:\n\nkindj create cluster --registry " + registry.name());
        return ExitCodes.OK;
    }
}
