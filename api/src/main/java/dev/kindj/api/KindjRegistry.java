package dev.kindj.api;

import dev.kindj.internal.provision.registry.LocalRegistry;
import java.util.List;

/**
 * A kindj local registry. Push to {@link #host()} from this machine; clusters made with
 * {@link ClusterBuilder#registry(String)} pull the same names. Found by {@link Kindj#registries()} and
 * {@link Kindj#findRegistry(String)}, made by {@link Kindj#registry(String)}.
 */
public final class KindjRegistry {

    private final Kindj kindj;
    private final LocalRegistry registry;

    KindjRegistry(Kindj kindj, LocalRegistry registry) {
        this.kindj = kindj;
        this.registry = registry;
    }

    /** The registry's name, which is also its container's. */
    public String name() {
        return registry.name();
    }

    /** The port on 127.0.0.1 it is published on. */
    public int port() {
        return registry.hostPort();
    }

    /** The registry part of image names: {@code localhost:<port>}, for {@code docker push} and pod specs alike. */
    public String host() {
        return registry.host();
    }

    /** {@code <name>:5000}: how pods and containers on a cluster's Docker network reach it directly. */
    public String hostInClusterNetwork() {
        return registry.hostInNetwork();
    }

    /** Docker's state of its container, e.g. {@code running}. */
    public String state() {
        return registry.state();
    }

    /** The clusters whose nodes pull from it, sorted. */
    public List<String> clusters() {
        return kindj.provider().registries().clustersUsing(registry.name());
    }

    /**
     * Removes the registry's container and its volume (the images pushed to it).
     *
     * @throws dev.kindj.InvalidRequestException while a cluster uses it; the message names the clusters
     */
    public void delete() {
        kindj.deleteRegistry(registry.name());
    }

    @Override
    public String toString() {
        return "KindjRegistry[" + name() + " on " + host() + "]";
    }
}
