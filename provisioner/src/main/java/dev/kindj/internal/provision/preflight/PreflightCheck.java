package dev.kindj.internal.provision.preflight;

import dev.kindj.internal.provision.preflight.CheckResult.Status;

/** One thing that must hold on the host before any container, network or volume is made. */
abstract class PreflightCheck {

    private final String name;

    /** @param name as the report shows it, e.g. {@code inotify instances} */
    PreflightCheck(String name) {
        this.name = name;
    }

    final String name() {
        return name;
    }

    /** Reads only what it needs and returns quickly: all checks together stay well under half a second. */
    abstract CheckResult check(Demand demand, HostReadings host);

    final CheckResult ok(String detail) {
        return new CheckResult(name, Status.OK, detail, "");
    }

    final CheckResult warn(String detail) {
        return new CheckResult(name, Status.WARN, detail, "");
    }

    final CheckResult skipped(String whyMissing) {
        return warn("not checked: " + whyMissing);
    }

    final CheckResult fail(String detail, String fix) {
        return new CheckResult(name, Status.FAIL, detail, fix);
    }
}
