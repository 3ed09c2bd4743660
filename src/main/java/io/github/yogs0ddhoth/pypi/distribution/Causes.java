package io.github.yogs0ddhoth.pypi.distribution;

import java.io.EOFException;

/** Renders an underlying exception inside a sentence meant for a person. */
final class Causes {

    private Causes() {}

    /**
     * The exception's type and message; the JDK's zip and gzip code often leave the message out. The message often
     * holds a file or entry name, so it is escaped like one.
     */
    static String describe(Throwable e) {
        String message = DisplayName.of(e.getMessage());
        if (e.getMessage() == null || message.isBlank()) {
            return e instanceof EOFException
                    ? "EOFException: unexpected end of file"
                    : e.getClass().getSimpleName();
        }
        return e.getClass().getSimpleName() + ": " + message;
    }
}
