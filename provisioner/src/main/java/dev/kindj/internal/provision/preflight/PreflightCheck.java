package dev.kindj.internal.provision.preflight;

/** One thing that must hold on the host before any container, network or volume is made. */
interface PreflightCheck {

    /** As the report shows it, e.g. {@code inotify instances}. */
    String name();

    /** Reads only what it needs and returns quickly: all checks together stay well under half a second. */
    CheckResult check(Demand demand, HostReadings host);
}
