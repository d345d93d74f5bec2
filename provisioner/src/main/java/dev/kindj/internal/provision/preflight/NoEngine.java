package dev.kindj.internal.provision.preflight;

import dev.kindj.config.Ipv4Cidr;
import dev.kindj.config.PortMapping;
import java.util.List;
import java.util.Optional;

/**
 * Readings when no engine answers: the engine check fails, and nothing about its host can be read.
 *
 * @param why where kindj looked and what it got
 */
public record NoEngine(String why) implements HostReadings {

    private static final String NO_ENGINE = "no Docker engine answered";

    @Override
    public Reading<Engine> engine() {
        return Reading.missing(why);
    }

    @Override
    public Reading<List<String>> ungrantableCapabilities() {
        return Reading.missing(NO_ENGINE);
    }

    @Override
    public Reading<InotifyUse> inotify() {
        return Reading.missing(NO_ENGINE);
    }

    @Override
    public Reading<InotifyUse> inotify(int uid) {
        return Reading.missing(NO_ENGINE);
    }

    @Override
    public Reading<Long> freeBytes() {
        return Reading.missing(NO_ENGINE);
    }

    @Override
    public Reading<List<NamedSubnet>> takenSubnets() {
        return Reading.missing(NO_ENGINE);
    }

    @Override
    public Reading<Optional<Ipv4Cidr>> nextClusterSubnet() {
        return Reading.missing(NO_ENGINE);
    }

    @Override
    public Reading<Boolean> portInUse(PortMapping mapping) {
        return Reading.missing(NO_ENGINE);
    }
}
