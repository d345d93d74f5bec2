package dev.kindj.cli.delete;

import dev.kindj.api.Kindj;
import dev.kindj.cli.shared.ExitCodes;
import dev.kindj.cli.shared.RegistryNameOption;
import dev.kindj.cli.shared.Verbosity;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "registry", description = {"Delete a local registry: its container and the volume with its images.",
        "Refused while a cluster uses it: delete those clusters first."})
public final class DeleteRegistryCommand implements Callable<Integer> {

    @Mixin
    private Verbosity verbosity;
    @Mixin
    private RegistryNameOption registryName;

    @Override
    public Integer call() {
        verbosity.progress("Deleting registry \"" + registryName.get() + "\" ...");
        Kindj.connect().deleteRegistry(registryName.get());
        return ExitCodes.OK;
    }
}
