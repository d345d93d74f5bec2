package dev.kindj.internal.provision.preflight;

import java.util.ArrayList;
import java.util.List;
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
            new PortCheck(),
            new SubnetCheck(),
            new DiskCheck());

    private Preflight() {
    }

    /** Every check's verdict; a check that throws is reported as not checked rather than blocking the work. */
    public static PreflightReport run(Demand demand, HostReadings host) {
        long start = System.nanoTime();
        List<CheckResult> results = new ArrayList<>();
        List<String> took = new ArrayList<>();
        for (PreflightCheck check : CHECKS) {
            long checkStart = System.nanoTime();
            CheckResult result;
            try {
                result = check.check(demand, host);
            } catch (RuntimeException e) {
                LOG.debug("preflight check {} failed to run", check.name(), e);
                result = CheckResult.skipped(check.name(), e.toString());
            }
            results.add(result);
            took.add(check.name() + " " + (System.nanoTime() - checkStart) / 1_000_000);
        }
        LOG.debug("preflight to {} took {} ms ({})", demand.operation(), (System.nanoTime() - start) / 1_000_000,
                String.join(", ", took));
        return new PreflightReport(demand, results, host.inotify());
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
        if (report.results().stream().anyMatch(CheckResult::failed)) {
            throw new PreflightException(report);
        }
    }
}
