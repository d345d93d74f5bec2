package dev.kindj.cli;

import dev.kindj.cli.shared.Verbosity;
import dev.kindj.cli.shared.ExitCodes;
import dev.kindj.api.HostReport;
import dev.kindj.api.Kindj;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "doctor", description = {
        "Check this host as `create cluster` does before it makes anything: Docker engine, capabilities, inotify"
                + " instances, host ports, subnets and disk space, with the numbers, and how many more nodes fit.",
        "Exits 0 when a default cluster (one control plane) fits, 1 when it does not."})
public final class DoctorCommand implements Callable<Integer> {

    @Mixin
    private Verbosity verbosity;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        HostReport report = Kindj.doctor();
        PrintWriter out = spec.commandLine().getOut();
        int width = report.checks().stream().mapToInt(check -> check.name().length()).max().orElse(0);
        for (HostReport.Check check : report.checks()) {
            out.printf("%-5s %-" + width + "s  %s%n", check.status().name().toLowerCase(Locale.ROOT), check.name(),
                    check.detail());
            if (!check.fix().isEmpty()) {
                out.printf("%-5s %-" + width + "s  fix: %s%n", "", "", check.fix());
            }
        }
        out.println("What fits (root's inotify instances): " + fits(report.moreControlPlanes(), "control plane")
                + ", or " + fits(report.moreWorkers(), "worker"));
        out.println(report.defaultClusterFits() ? "A default cluster (one control plane) fits on this host."
                : "A default cluster (one control plane) does not fit on this host: see the failed checks above.");
        return report.defaultClusterFits() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static String fits(OptionalInt count, String node) {
        if (count.isEmpty()) {
            return "unknown number of " + node + "s";
        }
        return count.getAsInt() + " more " + node + (count.getAsInt() == 1 ? "" : "s");
    }
}
