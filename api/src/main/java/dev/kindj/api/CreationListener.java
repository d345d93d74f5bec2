package dev.kindj.api;

import java.time.Duration;

/**
 * Hears how creating a cluster (or building its images) goes, e.g. to print progress. Every method does nothing
 * unless overridden; calls can come from several threads.
 */
public interface CreationListener {

    /** Says nothing. */
    CreationListener SILENT = new CreationListener() { };

    /** A setting of the config that is accepted but not honoured, naming its field. */
    default void warning(String text) {
    }

    /** A line about preparing images, before the steps begin. */
    default void message(String line) {
    }

    /** A step began, e.g. "Starting control-plane". */
    default void stepStarted(String title) {
    }

    default void stepFinished(String title, Duration took) {
    }

    /** The step failed; creation stops and (unless retained) removes what it made. */
    default void stepFailed(String title, Throwable error) {
    }
}
