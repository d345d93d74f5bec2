package dev.kindj.internal.provision.preflight;

/**
 * One check's verdict, with the numbers behind it.
 *
 * @param fix what the user can do; empty unless the check failed
 */
public record CheckResult(String check, Status status, String detail, String fix) {

    public enum Status {
        OK,
        /** Passed with little room left, or could not be checked; never blocks a creation. */
        WARN,
        FAIL
    }

    static CheckResult ok(String check, String detail) {
        return new CheckResult(check, Status.OK, detail, "");
    }

    static CheckResult warn(String check, String detail) {
        return new CheckResult(check, Status.WARN, detail, "");
    }

    static CheckResult skipped(String check, String whyMissing) {
        return warn(check, "not checked: " + whyMissing);
    }

    static CheckResult fail(String check, String detail, String fix) {
        return new CheckResult(check, Status.FAIL, detail, fix);
    }

    public boolean failed() {
        return status == Status.FAIL;
    }
}
