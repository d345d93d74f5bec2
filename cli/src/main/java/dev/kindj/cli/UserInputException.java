package dev.kindj.cli;

/** The user named something that does not exist or cannot be done; maps to the usage exit code. */
public class UserInputException extends RuntimeException {

    public UserInputException(String message) {
        super(message);
    }
}
