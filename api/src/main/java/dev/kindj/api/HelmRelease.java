package dev.kindj.api;

import java.time.Duration;
import java.util.List;

/**
 * A release revision Helm installed or upgraded ({@link HelmRequest#run()}), with the objects its chart rendered
 * (hooks aside), read from the record Helm keeps in the cluster, as {@code helm get manifest} prints them.
 */
public final class HelmRelease {

    private final String name;
    private final String namespace;
    private final int revision;
    private final String chart;
    private final AppliedManifests rendered;

    HelmRelease(String name, String namespace, int revision, String chart, AppliedManifests rendered) {
        this.name = name;
        this.namespace = namespace;
        this.revision = revision;
        this.chart = chart;
        this.rendered = rendered;
    }

    /** The release's name. */
    public String name() {
        return name;
    }

    /** The release's namespace; the chart's namespaced objects without a namespace of their own live there. */
    public String namespace() {
        return namespace;
    }

    /** Helm's revision number: 1 after an install, one more after each upgrade. */
    public int revision() {
        return revision;
    }

    /** The chart's name and version, as {@code helm list} shows them ({@code web-0.1.0}). */
    public String chart() {
        return chart;
    }

    /**
     * Each rendered object as {@code Kind namespace/name (template)}, e.g.
     * {@code Deployment shop/web (web/templates/deployment.yaml)}.
     */
    public List<String> objects() {
        return rendered.objects();
    }

    /**
     * Waits as {@link AppliedManifests#awaitReady(Duration)} does, on the objects the chart rendered: Deployments,
     * StatefulSets and DaemonSets rolled out, Jobs complete, CRDs Established.
     *
     * @return this
     * @throws dev.kindj.KindjException when the time runs out, naming each object that is not ready, the template it
     *         came from, its conditions and its pods' states and events
     */
    public HelmRelease awaitReady(Duration timeout) {
        rendered.awaitReady(timeout);
        return this;
    }

    @Override
    public String toString() {
        return "Helm release " + namespace + "/" + name + " revision " + revision + " (" + chart + ")";
    }
}
