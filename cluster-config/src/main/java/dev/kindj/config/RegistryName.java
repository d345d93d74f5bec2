package dev.kindj.config;

import dev.kindj.InvalidRequestException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name of a kindj local registry: its container's name, which nodes resolve on the cluster network and containerd
 * uses in a URL, so it must be a DNS label.
 */
public final class RegistryName {

    /** The registry {@code kindj create registry} makes without {@code --name}. */
    public static final String DEFAULT = "kindj-registry";
    /** The config field that names a cluster's registry: a kindj extension of kind's schema. */
    public static final String CONFIG_FIELD = "kindjRegistry";
    private static final int MAX_LENGTH = 63;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

    private RegistryName() {
    }

    /** What is wrong with the name, if anything. */
    public static Optional<String> problem(String name) {
        if (name == null || !LABEL.matcher(name).matches()) {
            return Optional.of("'" + name + "' is not a valid registry name; use lower-case letters, digits and '-',"
                    + " starting and ending with a letter or digit (e.g. " + DEFAULT + ")");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("'" + name + "' is " + name.length() + " characters long; a registry name is a host"
                    + " name of at most " + MAX_LENGTH);
        }
        return Optional.empty();
    }

    /**
     * @return the name
     * @throws InvalidRequestException when it is not valid
     */
    public static String checked(String name) {
        problem(name).ifPresent(problem -> {
            throw new InvalidRequestException(problem);
        });
        return name;
    }
}
