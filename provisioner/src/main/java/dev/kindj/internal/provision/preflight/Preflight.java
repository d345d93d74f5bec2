package dev.kindj.internal.provision.preflight;

import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every check before a creation makes its first container, network or volume, and reports all that fail
 * together, so that one run tells the user everything to fix.
 */
public final class Preflight {

    private static final Logger LOG = LoggerFactory.getLogger(Preflight.class);
    private static final List<PreflightCheck> CHECKS = List.of(
            new EngineCheck(),
            new CapabilityCheck(),
            new InotifyCheck(),
            new ControlPlaneUserInotifyCheck(),
            new PortCheck(),
            new SubnetCheck(),
            new DiskCheck());

    private Preflight() {
    }

    /** Every check's verdict; a check that throws is reported as not checked rather than blocking the work. */
    public static PreflightReport run(Demand demand, HostReadings host) {
        long start = System.nanoTime();
        List<Timed> timed = CHECKS.stream().map(check -> run(check, demand, host)).toList();
        LOG.debug("preflight to {} took {} ms ({})", demand.operation(), (System.nanoTime() - start) / 1_000_000,
                timed.stream().map(t -> t.result().check() + " " + t.millis()).collect(Collectors.joining(", ")));
        return new PreflightReport(demand, timed.stream().map(Timed::result).toList(), inotify(host));
    }

    /** What the inotify check read, again: from a snapshot it costs nothing, and it never fails the run. */
    private static Reading<HostReadings.InotifyUse> inotify(HostReadings host) {
        try {
            return host.inotify();
        } catch (RuntimeException e) {
            return Reading.missing(e.toString());
        }
    }

    private record Timed(CheckResult result, long millis) {
    }

    private static Timed run(PreflightCheck check, Demand demand, HostReadings host) {
        long start = System.nanoTime();
        CheckResult result;
        try {
            result = check.check(demand, host);
        } catch (RuntimeException e) {
            LOG.debug("preflight check {} failed to run", check.name(), e);
            result = check.skipped(e.toString());
        }
        return new Timed(result, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Runs the checks and refuses when any fails; what could not be checked is logged at debug level.
     *
     * @throws PreflightException naming every failed check, what is short, by how much and the fix
     */
    public static void require(Demand demand, HostReadings host) {
        PreflightReport report = run(demand, host);
        report.results().stream().filter(r -> r.status() == CheckResult.Status.WARN)
                .forEach(r -> LOG.debug("preflight {}: {}", r.check(), r.detail()));
        if (!report.failures().isEmpty()) {
            throw new PreflightException(report);
        }
    }
}
