package dev.kindj.cli.shared;

import dev.kindj.api.Kindj;
import picocli.CommandLine.Option;

/** The --name option of the registry commands. */
public final class RegistryNameOption {

    @Option(names = {"-n", "--name"}, paramLabel = "NAME", defaultValue = Kindj.DEFAULT_REGISTRY_NAME,
            description = "Registry name, also its container's (default: ${DEFAULT-VALUE}).")
    private String name;

    public String get() {
        return name;
    }
}
