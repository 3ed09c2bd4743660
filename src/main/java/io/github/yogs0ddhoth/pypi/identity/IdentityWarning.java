package io.github.yogs0ddhoth.pypi.identity;

/**
 * Something about the identity that will not stop the exchange but deserves a person's attention.
 *
 * @param title a one-line headline, e.g. for a GitHub {@code ::warning title=…::} annotation
 * @param text  the explanation and what to do; never contains a token
 */
record IdentityWarning(String title, String text) {}
