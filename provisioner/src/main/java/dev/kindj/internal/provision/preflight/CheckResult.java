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

    public boolean failed() {
        return status == Status.FAIL;
    }
}
