package dev.kindj.api;

import dev.kindj.internal.provision.preflight.CheckResult;
import dev.kindj.internal.provision.preflight.PreflightReport;
import java.util.List;
import java.util.OptionalInt;

/**
 * How this host stands for kindj, from {@link Kindj#doctor()}: the checks {@link ClusterBuilder#create()} runs before
 * making anything, run for a default cluster (one control plane), and how many more nodes root's inotify budget has
 * room for.
 *
 * @param moreControlPlanes how many more control planes (one-node clusters) fit; empty when the budget could not be
 *                          read (a remote engine, kindj not running as root)
 * @param moreWorkers       how many more workers fit; empty likewise
 */
public record HostReport(List<Check> checks, OptionalInt moreControlPlanes, OptionalInt moreWorkers) {

    public HostReport {
        checks = List.copyOf(checks);
    }

    /** WARN passed with little room left, or could not be checked. */
    public enum Status { OK, WARN, FAIL }

    /**
     * One check, e.g. {@code inotify instances}, with the numbers behind its verdict.
     *
     * @param fix what to do about a failure; empty otherwise
     */
    public record Check(String name, Status status, String detail, String fix) {
    }

    /** Whether a default cluster can be created now: no check failed. */
    public boolean defaultClusterFits() {
        return checks.stream().noneMatch(check -> check.status() == Status.FAIL);
    }

    static HostReport of(PreflightReport report) {
        return new HostReport(report.results().stream().map(HostReport::check).toList(), report.moreControlPlanes(),
                report.moreWorkers());
    }

    private static Check check(CheckResult result) {
        return new Check(result.check(), Status.valueOf(result.status().name()), result.detail(), result.fix());
    }
}
