package dev.kindj.internal.provision.preflight;

import dev.kindj.internal.provision.preflight.HostReadings.InotifyUse;
import java.util.List;
import java.util.OptionalInt;

/**
 * The checks' verdicts for one demand, and how many more nodes root's inotify budget has room for.
 *
 * @param inotify what the budget check read, for the room left
 */
public record PreflightReport(Demand demand, List<CheckResult> results, Reading<InotifyUse> inotify) {

    public PreflightReport {
        results = List.copyOf(results);
    }

    public List<CheckResult> failures() {
        return results.stream().filter(CheckResult::failed).toList();
    }

    /** How many more control planes fit root's free inotify instances; empty when they could not be read. */
    public OptionalInt moreControlPlanes() {
        return inotify.isPresent() ? OptionalInt.of(inotify.value().free() / NodeInotifyUse.CONTROL_PLANE)
                : OptionalInt.empty();
    }

    /** How many more workers fit root's free inotify instances; empty when they could not be read. */
    public OptionalInt moreWorkers() {
        return inotify.isPresent() ? OptionalInt.of(inotify.value().free() / NodeInotifyUse.WORKER)
                : OptionalInt.empty();
    }
}
