package dev.kindj.cli.export;

import picocli.CommandLine.Command;

@Command(name = "export", description = "Export one of [kubeconfig, logs].",
        subcommands = {ExportKubeconfigCommand.class, ExportLogsCommand.class})
public final class ExportCommand {
}
