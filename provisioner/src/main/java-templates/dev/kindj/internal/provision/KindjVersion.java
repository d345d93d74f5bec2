package dev.kindj.internal.provision;

/**
 * kindj's own version, written into this class by the build (provisioner/pom.xml). A constant, not a resource: finding
 * a resource opened and indexed the CLI's whole shaded jar, which `kindj version` needs for nothing else.
 */
public final class KindjVersion {

    private static final String VERSION = "${project.version}";

    private KindjVersion() {
    }

    public static String get() {
        return VERSION;
    }
}
