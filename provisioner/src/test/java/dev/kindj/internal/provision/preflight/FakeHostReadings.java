package dev.kindj.internal.provision.preflight;

import dev.kindj.config.Ipv4Cidr;
import dev.kindj.config.PortMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Readings for unit tests: a roomy local host by default (Engine 20.10, every capability, 128 inotify instances of
 * which none is used, 100 GiB free, no network or route, every port free), changed one fact at a time.
 */
public class FakeHostReadings implements HostReadings {

    private Reading<Engine> engine = Reading.of(new Engine("20.10.24", "1.41", "/var/lib/docker",
            "unix:///var/run/docker.sock"));
    private Reading<List<String>> ungrantable = Reading.of(List.of());
    private Reading<InotifyUse> inotify = Reading.of(new InotifyUse(128, 0));
    private final Map<Integer, Reading<InotifyUse>> inotifyOfUsers = new HashMap<>();
    private Reading<Long> freeBytes = Reading.of(100L << 30);
    private final List<NamedSubnet> taken = new ArrayList<>();
    private Optional<Ipv4Cidr> nextSubnet = Optional.of(Ipv4Cidr.of("172.28.0.0/24"));
    private final Set<Integer> portsInUse = new HashSet<>();
    private String notLocal;

    public FakeHostReadings withEngine(String version, String apiVersion) {
        engine = Reading.of(new Engine(version, apiVersion, engine.value().rootDir(), engine.value().address()));
        return this;
    }

    public FakeHostReadings withUngrantable(String... capabilities) {
        ungrantable = Reading.of(List.of(capabilities));
        return this;
    }

    public FakeHostReadings withInotify(int limit, int inUse) {
        inotify = Reading.of(new InotifyUse(limit, inUse));
        return this;
    }

    /** What the user {@code uid} holds; users not given hold none of 128. */
    public FakeHostReadings withInotifyOf(int uid, int limit, int inUse) {
        inotifyOfUsers.put(uid, Reading.of(new InotifyUse(limit, inUse)));
        return this;
    }

    public FakeHostReadings withFreeBytes(long bytes) {
        freeBytes = Reading.of(bytes);
        return this;
    }

    public FakeHostReadings withTaken(String name, String cidr) {
        taken.add(new NamedSubnet(name, Ipv4Cidr.of(cidr)));
        return this;
    }

    public FakeHostReadings withNoSubnetLeft() {
        nextSubnet = Optional.empty();
        return this;
    }

    public FakeHostReadings withPortInUse(int port) {
        portsInUse.add(port);
        return this;
    }

    /** As for a remote engine: what only the engine's own host shows is missing. */
    public FakeHostReadings remote(String why) {
        notLocal = why;
        return this;
    }

    @Override
    public Reading<Engine> engine() {
        return engine;
    }

    @Override
    public Reading<List<String>> ungrantableCapabilities() {
        return local(ungrantable);
    }

    @Override
    public Reading<InotifyUse> inotify() {
        return local(inotify);
    }

    @Override
    public Reading<InotifyUse> inotify(int uid) {
        return local(inotifyOfUsers.getOrDefault(uid, Reading.of(new InotifyUse(128, 0))));
    }

    @Override
    public Reading<Long> freeBytes() {
        return local(freeBytes);
    }

    @Override
    public Reading<List<NamedSubnet>> takenSubnets() {
        return Reading.of(List.copyOf(taken));
    }

    @Override
    public Reading<Optional<Ipv4Cidr>> nextClusterSubnet() {
        return Reading.of(nextSubnet);
    }

    @Override
    public Reading<Boolean> portInUse(PortMapping mapping) {
        return local(Reading.of(portsInUse.contains(mapping.hostPort())));
    }

    private <T> Reading<T> local(Reading<T> reading) {
        return notLocal == null ? reading : Reading.missing(notLocal);
    }
}
