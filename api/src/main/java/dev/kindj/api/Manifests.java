package dev.kindj.api;

import dev.kindj.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Kubernetes objects read from YAML (one or more documents separated by {@code ---}), checked when read so a
 * mistake is reported before any cluster work: the message names the file, resource or URL and the line.
 * {@link KindjCluster#apply(Manifests)} applies them.
 */
public final class Manifests {

    private final String source;
    private final List<ManifestObject> objects;

    private Manifests(String source, List<ManifestObject> objects) {
        this.source = source;
        this.objects = objects;
    }

    /**
     * The objects in a file.
     *
     * @throws InvalidRequestException when the file is missing, is not YAML, or holds something that is no
     *         Kubernetes object; the message says file:line
     */
    public static Manifests fromPath(Path file) {
        try {
            return fromYaml(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new InvalidRequestException("manifest file " + file + " does not exist (relative to "
                    + Path.of("").toAbsolutePath() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read manifest file " + file, e);
        }
    }

    /** The objects in a classpath resource, looked up with the thread's context class loader, else kindj's. */
    public static Manifests fromResource(String name) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return fromResource(name, context != null ? context : Manifests.class.getClassLoader());
    }

    /** The objects in a classpath resource ({@code k8s/app.yaml}; a leading {@code /} is ignored). */
    public static Manifests fromResource(String name, ClassLoader loader) {
        String resource = name.startsWith("/") ? name.substring(1) : name;
        URL url = loader.getResource(resource);
        if (url == null) {
            throw new InvalidRequestException("manifest resource " + name + " is not on the classpath");
        }
        return read(url, "classpath:" + resource);
    }

    /** The objects at a URL ({@code file:}, {@code jar:}, {@code http(s):} ...). */
    public static Manifests fromUrl(URL url) {
        return read(url, url.toString());
    }

    /** The objects in YAML text; errors name it {@code <yaml>}. */
    public static Manifests fromYaml(String yaml) {
        return fromYaml(yaml, "<yaml>");
    }

    /**
     * The objects in YAML text.
     *
     * @param sourceName names the text in error messages
     */
    public static Manifests fromYaml(String yaml, String sourceName) {
        Objects.requireNonNull(yaml, "yaml");
        return new Manifests(sourceName, ManifestParser.parse(yaml, sourceName));
    }

    /**
     * A location as {@code @KubeCluster(manifests = ...)} takes it: a classpath resource if the loader has one of
     * that name, else a file.
     */
    public static Manifests fromResourceOrPath(String location, ClassLoader loader) {
        String resource = location.startsWith("/") ? location.substring(1) : location;
        if (loader.getResource(resource) != null) {
            return fromResource(location, loader);
        }
        if (Files.isRegularFile(Path.of(location))) {
            return fromPath(Path.of(location));
        }
        throw new InvalidRequestException("manifest '" + location + "' is neither on the classpath nor a file (relative to "
                + Path.of("").toAbsolutePath() + ")");
    }

    private static Manifests read(URL url, String sourceName) {
        try (InputStream in = url.openStream()) {
            return fromYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8), sourceName);
        } catch (IOException e) {
            throw new InvalidRequestException("cannot read manifest " + sourceName + ": " + e);
        }
    }

    /** Where the YAML came from: a file path, {@code classpath:NAME}, a URL or the name given with the text. */
    public String source() {
        return source;
    }

    /** The objects, in document order, each as {@code apiVersion kind namespace/name (source:line)}. */
    public List<String> describe() {
        return objects.stream().map(ManifestObject::toString).toList();
    }

    List<ManifestObject> objects() {
        return objects;
    }

    @Override
    public String toString() {
        return source + " (" + objects.size() + " object" + (objects.size() == 1 ? "" : "s") + ")";
    }
}
