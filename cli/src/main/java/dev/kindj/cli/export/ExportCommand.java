package dev.kindj.cli.export;

import picocli.CommandLine.Command;

@Command(name = "export", description = "Export one of [kubeconfig].", subcommands = {ExportKubeconfigCommand.class})
public final class ExportCommand {
}
