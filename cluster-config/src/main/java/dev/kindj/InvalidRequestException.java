package dev.kindj;

/** The caller asked for something kindj cannot do as asked: the message says what and how to fix it. */
public class InvalidRequestException extends KindjException {

    public InvalidRequestException(String message) {
        super(message, null, true);
    }
}
