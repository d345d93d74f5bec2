package dev.kindj.internal.provision.images;

import dev.kindj.internal.provision.node.UnknownNameException;

/**
 * An image name as Docker shows it ({@code kindj-test/app:1}) and as containerd stores it
 * ({@code docker.io/kindj-test/app:1}): containerd keeps every name fully qualified and tagged.
 */
public record ImageName(String familiar, String containerdRef) {

    private static final String DEFAULT_DOMAIN = "docker.io";

    /** @throws UnknownNameException for a digest reference or an empty name */
    public static ImageName parse(String name) {
        if (name.isBlank() || name.contains("@")) {
            throw new UnknownNameException("'" + name + "' is not an image name; give NAME[:TAG]");
        }
        String tagged = hasTag(name) ? name : name + ":latest";
        int slash = tagged.indexOf('/');
        String first = slash < 0 ? "" : tagged.substring(0, slash);
        boolean hasDomain = first.contains(".") || first.contains(":") || first.equals("localhost");
        String qualified = hasDomain ? tagged
                : DEFAULT_DOMAIN + "/" + (slash < 0 ? "library/" : "") + tagged;
        String familiar = qualified.startsWith(DEFAULT_DOMAIN + "/library/")
                ? qualified.substring(DEFAULT_DOMAIN.length() + "/library/".length())
                : qualified.startsWith(DEFAULT_DOMAIN + "/") ? qualified.substring(DEFAULT_DOMAIN.length() + 1) : qualified;
        return new ImageName(familiar, qualified);
    }

    /** The familiar name without its tag, as Docker's save API takes it. */
    public String repository() {
        return familiar.substring(0, familiar.lastIndexOf(':'));
    }

    public String tag() {
        return familiar.substring(familiar.lastIndexOf(':') + 1);
    }

    private static boolean hasTag(String name) {
        return name.lastIndexOf(':') > name.lastIndexOf('/');
    }

    @Override
    public String toString() {
        return familiar;
    }
}
