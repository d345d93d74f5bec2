package dev.kindj.api;

import dev.kindj.internal.nodeimage.RegistryImage;
import dev.kindj.internal.provision.docker.DockerRegistries;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A local registry to create, made by {@link #create()}: a CNCF distribution container published on
 * {@code 127.0.0.1:<port>}, its blobs in a Docker volume. Made by {@link Kindj#registry(String)}.
 *
 * <pre>{@code
 * KindjRegistry registry = kindj.registry("kindj-registry").port(5001).create();
 * // docker push localhost:5001/app:1, then:
 * kindj.cluster("dev").registry(registry.name()).create();   // pods pull localhost:5001/app:1
 * }</pre>
 */
public final class RegistryBuilder {

    /** The port {@code kindj create registry} publishes without {@code --port}, as in kind's local-registry guide. */
    public static final int DEFAULT_PORT = 5001;

    private final Kindj kindj;
    private final String name;
    private int port = DEFAULT_PORT;
    private Consumer<String> progress = line -> { };

    RegistryBuilder(Kindj kindj, String name) {
        this.kindj = kindj;
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The host port on 127.0.0.1 that {@code docker push localhost:<port>/...} and pods' image names use. */
    public RegistryBuilder port(int hostPort) {
        this.port = hostPort;
        return this;
    }

    /** Receives the progress lines of the registry image's build, when it is missing. */
    public RegistryBuilder progress(Consumer<String> lines) {
        this.progress = Objects.requireNonNull(lines, "lines");
        return this;
    }

    /**
     * Makes and starts the registry, after building its image when missing.
     *
     * @throws dev.kindj.InvalidRequestException for an invalid name or port, a name or port already taken; nothing is
     *         made then
     */
    public KindjRegistry create() {
        DockerRegistries registries = kindj.provider().registries();
        // Before the image build: a build is wasted on a request that cannot succeed.
        registries.refuseUnavailable(name, port);
        return new KindjRegistry(kindj, registries.create(name, port, RegistryImage.ensure(progress)));
    }
}
