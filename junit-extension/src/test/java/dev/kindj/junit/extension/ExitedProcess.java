package dev.kindj.junit.extension;

final class ExitedProcess {

    private ExitedProcess() {
    }

    /** The id of a process that has just ended: what a crashed test run looks like from outside. */
    static long pid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
