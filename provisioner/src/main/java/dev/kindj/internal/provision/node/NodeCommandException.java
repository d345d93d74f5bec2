package dev.kindj.internal.provision.node;

/** A command inside a node exited non-zero; the message carries what it printed. */
public class NodeCommandException extends dev.kindj.KindjException {

    private final transient ExecResult result;

    public NodeCommandException(String nodeName, ExecResult result) {
        super("command " + String.join(" ", result.command()) + " failed on node " + nodeName
                + " with exit code " + result.exitCode()
                + describe("stderr", result.stderr()) + describe("stdout", result.stdout()), null);
        this.result = result;
    }

    public ExecResult result() {
        return result;
    }

    private static String describe(String stream, String text) {
        String trimmed = text == null ? "" : text.strip();
        return trimmed.isEmpty() ? "" : "\n" + stream + ": " + trimmed;
    }
}
