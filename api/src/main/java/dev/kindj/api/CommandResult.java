package dev.kindj.api;

import dev.kindj.KindjException;
import java.util.List;

/** What a command run inside a node printed and how it exited. */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {

    public CommandResult {
        command = List.copyOf(command);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /**
     * This result when the command succeeded.
     *
     * @throws KindjException naming the command, its exit code and what it printed, when it failed
     */
    public CommandResult orThrow() {
        if (!succeeded()) {
            throw new KindjException("command " + String.join(" ", command) + " exited with " + exitCode
                    + (stderr.isBlank() ? "" : ": " + stderr.strip()), null);
        }
        return this;
    }
}
