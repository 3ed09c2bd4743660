package io.github.yogs0ddhoth.pypi.distribution;

import java.io.EOFException;

/** Renders an underlying exception inside a sentence meant for a person. */
final class Causes {

    private Causes() {}

    /** The exception's type and message; the JDK's zip and gzip code often leave the message out. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e instanceof EOFException
                    ? "EOFException: unexpected end of file"
                    : e.getClass().getSimpleName();
        }
        return e.getClass().getSimpleName() + ": " + message;
    }
}
