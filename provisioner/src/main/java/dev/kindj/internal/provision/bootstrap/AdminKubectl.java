package dev.kindj.internal.provision.bootstrap;

import dev.kindj.internal.provision.node.ExecResult;
import dev.kindj.internal.provision.node.NodeProvider;

/**
 * The old name of {@link dev.kindj.internal.provision.bootstrap.context.AdminKubectl}, which moved so that creation
 * steps need nothing from this package. It remains only until the JUnit extension imports the new name.
 */
@Deprecated(forRemoval = true)
public record AdminKubectl(NodeProvider provider, String controlPlane) {

    public ExecResult run(String... arguments) {
        return moved().run(arguments);
    }

    public String output(String... arguments) {
        return moved().output(arguments);
    }

    private dev.kindj.internal.provision.bootstrap.context.AdminKubectl moved() {
        return new dev.kindj.internal.provision.bootstrap.context.AdminKubectl(provider, controlPlane);
    }
}
