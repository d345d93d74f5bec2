package dev.kindj.internal.nodeimage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The node image recipe's files (node-image/recipe/), as shipped on the classpath: path inside the recipe to content. */
final class Recipe {

    static final String RESOURCE_ROOT = "dev/kindj/internal/nodeimage/recipe/";
    static final String BUILD_SCRIPT = "build.sh";
    private static final int HASH_HEX_CHARS = 12;

    private final SortedMap<String, byte[]> files;

    private Recipe(SortedMap<String, byte[]> files) {
        this.files = files;
    }

    static Recipe of(Map<String, byte[]> files) {
        SortedMap<String, byte[]> copy = new TreeMap<>();
        files.forEach((path, content) -> copy.put(path, content.clone()));
        return new Recipe(copy);
    }

    static Recipe fromClasspath() {
        URL anchor = Recipe.class.getClassLoader().getResource(RESOURCE_ROOT + BUILD_SCRIPT);
        if (anchor == null) {
            throw new IllegalStateException("the node image recipe is missing from the classpath (" + RESOURCE_ROOT + ")");
        }
        try {
            return switch (anchor.getProtocol()) {
                case "file" -> fromDirectory(Path.of(anchor.toURI()).getParent());
                case "jar" -> fromJar((JarURLConnection) anchor.openConnection());
                default -> throw new IllegalStateException("cannot list the node image recipe at " + anchor);
            };
        } catch (IOException e) {
            throw new UncheckedIOException("reading the node image recipe at " + anchor + " failed", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list the node image recipe at " + anchor, e);
        }
    }

    private static Recipe fromDirectory(Path root) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return new Recipe(files);
    }

    private static Recipe fromJar(JarURLConnection connection) throws IOException {
        connection.setUseCaches(false);
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (JarFile jar = connection.getJarFile()) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().startsWith(RESOURCE_ROOT)) {
                    try (InputStream content = jar.getInputStream(entry)) {
                        files.put(entry.getName().substring(RESOURCE_ROOT.length()), content.readAllBytes());
                    }
                }
            }
        }
        return new Recipe(files);
    }

    /** The first 12 hex characters of SHA-256 over every file (path and content, in path order), the version and the source. */
    String hash(String kubernetesVersion, KubernetesSource source) {
        return hash(files, kubernetesVersion, source.argument());
    }

    /** Like {@link #hash} over the files under {@code directory} (no trailing slash) alone: what an image built from them depends on. */
    String hashOf(String directory) {
        String prefix = directory + "/";
        SortedMap<String, byte[]> under = new TreeMap<>();
        files.forEach((path, content) -> {
            if (path.startsWith(prefix)) {
                under.put(path, content);
            }
        });
        if (under.isEmpty()) {
            throw new IllegalStateException("the node image recipe has no directory " + directory);
        }
        return hash(under);
    }

    private static String hash(SortedMap<String, byte[]> files, String... inputs) {
        MessageDigest sha256 = sha256();
        files.forEach((path, content) -> {
            update(sha256, path.getBytes(StandardCharsets.UTF_8));
            update(sha256, content);
        });
        for (String input : inputs) {
            update(sha256, input.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha256.digest()).substring(0, HASH_HEX_CHARS);
    }

    /** Writes the files under {@code directory}; scripts become executable. */
    void extractTo(Path directory) throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = directory.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
            // Jars keep no permission bits. The recipe's executables are exactly its scripts:
            // build.sh runs its helpers directly and the node image copies kindj-* with their modes.
            if (isScript(file.getValue())) {
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    private static boolean isScript(byte[] content) {
        return content.length >= 2 && content[0] == '#' && content[1] == '!';
    }

    // Length-prefixed, so bytes moved between a path and its content still change the hash.
    private static void update(MessageDigest digest, byte[] bytes) {
        digest.update(ByteBuffer.allocate(Long.BYTES).putLong(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
