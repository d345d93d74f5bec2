package dev.kindj.internal.provision.bootstrap;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The step titles a run reported, by what happened to each. */
final class RecordedProgress implements CreationProgress {

    final List<String> started = new CopyOnWriteArrayList<>();
    final List<String> finished = new CopyOnWriteArrayList<>();
    final List<String> failed = new CopyOnWriteArrayList<>();

    @Override
    public void started(String title) {
        started.add(title);
    }

    @Override
    public void finished(String title, Duration took) {
        finished.add(title);
    }

    @Override
    public void failed(String title, Throwable error) {
        failed.add(title);
    }
}
