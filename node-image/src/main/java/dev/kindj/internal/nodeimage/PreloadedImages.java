package dev.kindj.internal.nodeimage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The images every node has preloaded and pinned, as the recipe's images.env names them. Nodes cannot pull, so the
 * manifests kindj applies must name exactly these.
 */
public final class PreloadedImages {

    static final String RESOURCE = Recipe.RESOURCE_ROOT + "images.env";
    /** What bash's {@code source} and this class read alike: no quoting, expansion or spaces to interpret. */
    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Z][A-Z0-9_]*)=([A-Za-z0-9._:/@-]+)");
    private static final Map<String, String> NAMES = parse(readResource());

    /** The pod sandbox image (containerd's {@code sandbox} setting). */
    public static final String PAUSE = name("PAUSE_IMAGE");
    public static final String COREDNS = name("COREDNS_IMAGE");
    public static final String LOCAL_PATH_PROVISIONER = name("LOCAL_PATH_IMAGE");
    /** The image of the helper pods local-path-provisioner starts to make and remove volume folders. */
    public static final String LOCAL_PATH_HELPER = name("LOCAL_PATH_HELPER_IMAGE");
    /** MetalLB's controller, which gives Services of type LoadBalancer their addresses. */
    public static final String METALLB_CONTROLLER = name("METALLB_CONTROLLER_IMAGE");
    /** MetalLB's speaker, which answers ARP for those addresses on each node. */
    public static final String METALLB_SPEAKER = name("METALLB_SPEAKER_IMAGE");

    private PreloadedImages() {
    }

    static Map<String, String> parse(String text) {
        Map<String, String> names = new HashMap<>();
        for (String line : (Iterable<String>) text.lines()::iterator) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher assignment = ASSIGNMENT.matcher(line);
            if (!assignment.matches()) {
                throw new IllegalStateException(RESOURCE + ": expected KEY=image-name, not '" + line + "'");
            }
            names.put(assignment.group(1), assignment.group(2));
        }
        return Map.copyOf(names);
    }

    private static String readResource() {
        try (InputStream in = PreloadedImages.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the node image recipe is missing from the classpath (" + RESOURCE + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE + " failed", e);
        }
    }

    private static String name(String key) {
        String name = NAMES.get(key);
        if (name == null) {
            throw new IllegalStateException(RESOURCE + " names no " + key);
        }
        return name;
    }
}
