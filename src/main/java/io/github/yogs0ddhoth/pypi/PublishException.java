package io.github.yogs0ddhoth.pypi;

/** The publish run failed; the message is written for the person reading the build log. */
public class PublishException extends Exception {
    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
