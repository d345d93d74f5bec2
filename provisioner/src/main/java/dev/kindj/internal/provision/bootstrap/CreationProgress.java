package dev.kindj.internal.provision.bootstrap;

import java.time.Duration;

/** Hears about each step of a creation; the CLI shows it, the JUnit extension logs it. */
public interface CreationProgress {

    CreationProgress SILENT = new CreationProgress() {
        @Override
        public void started(String title) {
        }

        @Override
        public void finished(String title, Duration took) {
        }

        @Override
        public void failed(String title, Throwable error) {
        }
    };

    void started(String title);

    void finished(String title, Duration took);

    void failed(String title, Throwable error);
}
