package dev.kindj.api;

import dev.kindj.internal.nodeimage.KubernetesSource;
import dev.kindj.internal.nodeimage.LoadBalancerImage;
import dev.kindj.internal.nodeimage.NodeImage;
import dev.kindj.internal.nodeimage.NodeImageBuilder;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The node image of one Kubernetes release: found in the Docker engine, or built from Debian packages and the Go
 * module proxy (nothing is pulled from a registry). Made by {@link Kindj#nodeImage(String)}.
 */
public final class NodeImageRequest {

    /** The repository of node images: {@code kindj/node}, tagged {@code <version>-<recipe hash>}. */
    public static final String REPOSITORY = NodeImage.REPOSITORY;
    /** The repository of the load balancer images {@link #ensureLoadBalancer()} builds. */
    public static final String LOAD_BALANCER_REPOSITORY = LoadBalancerImage.REPOSITORY;

    private final NodeImageBuilder builder;
    private Consumer<String> progress = line -> { };

    NodeImageRequest(String kubernetesVersion) {
        this.builder = NodeImageBuilder.forVersion(kubernetesVersion);
    }

    /** The image's name; default {@code kindj/node:<version>-<recipe hash>}. */
    public NodeImageRequest image(String name) {
        builder.withImage(Objects.requireNonNull(name, "name"));
        return this;
    }

    /**
     * Where the Kubernetes binaries come from: {@code modules} (compiled from the Go module proxy, the default),
     * {@code release} (downloaded from dl.k8s.io) or {@code dir:PATH}.
     */
    public NodeImageRequest source(String source) {
        builder.withSource(KubernetesSource.parse(source));
        return this;
    }

    /** A local Debian trixie image to start from instead of debootstrap (which needs root). */
    public NodeImageRequest baseImage(String image) {
        builder.withBaseImage(Objects.requireNonNull(image, "image"));
        return this;
    }

    /** Receives the build's progress lines. */
    public NodeImageRequest progress(Consumer<String> lines) {
        this.progress = Objects.requireNonNull(lines, "lines");
        builder.withProgress(lines);
        return this;
    }

    /**
     * The node image's name, after building it when no image of that name exists; an existing one is kept as it is.
     *
     * @throws dev.kindj.KindjException when the build fails; {@code invalidRequest()} for a bad version or source
     */
    public String ensure() {
        return builder.ensure();
    }

    /**
     * The load balancer image that clusters with several control planes put in front of their API servers, built
     * from the node image when missing; {@link #ensure()}s the node image first.
     */
    public String ensureLoadBalancer() {
        return LoadBalancerImage.ensure(ensure(), progress);
    }
}
