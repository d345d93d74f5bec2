package dev.kindj.internal.provision.preflight;

import dev.kindj.internal.provision.preflight.HostReadings.Engine;

/** An engine must answer, and speak API 1.41 (Engine 20.10) or newer: nodes need cgroupns=private. */
final class EngineCheck extends PreflightCheck {

    static final int OLDEST_MINOR = 41;

    EngineCheck() {
        super("Docker engine");
    }

    @Override
    CheckResult check(Demand demand, HostReadings host) {
        Reading<Engine> reading = host.engine();
        if (!reading.isPresent()) {
            return fail(reading.whyMissing(), "start Docker, or set DOCKER_HOST to an engine"
                    + " that runs; on a Debian host scripts/ensure-docker.sh installs and starts one");
        }
        Engine engine = reading.value();
        String numbers = "Engine " + engine.version() + ", API " + engine.apiVersion() + " at " + engine.address();
        int minor = apiMinor(engine.apiVersion());
        if (minor < OLDEST_MINOR) {
            return fail(numbers + ": older than the API 1." + OLDEST_MINOR + " kindj needs, by "
                    + (OLDEST_MINOR - minor) + " API versions", "upgrade Docker to Engine 20.10 or newer");
        }
        return ok(numbers);
    }

    /** The minor number of an API version such as {@code 1.41}; 1.x is the only major Docker has had. */
    private static int apiMinor(String apiVersion) {
        String[] parts = apiVersion.split("\\.");
        if (parts.length != 2 || !parts[0].equals("1")) {
            throw new IllegalArgumentException("unexpected Docker API version " + apiVersion);
        }
        return Integer.parseInt(parts[1]);
    }
}
