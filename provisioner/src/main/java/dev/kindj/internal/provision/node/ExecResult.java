package dev.kindj.internal.provision.node;

import java.util.List;

/** Outcome of a command run inside a node. */
public record ExecResult(List<String> command, int exitCode, String stdout, String stderr) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Returns this result, or throws with the command's output when it failed. */
    public ExecResult orThrow(String nodeName) {
        if (!succeeded()) {
            throw new NodeCommandException(nodeName, this);
        }
        return this;
    }
}
