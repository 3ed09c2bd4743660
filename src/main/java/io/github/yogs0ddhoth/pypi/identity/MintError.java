package io.github.yogs0ddhoth.pypi.identity;

/**
 * One entry of the {@code errors} list PyPI's mint-token endpoint answers with, e.g. {@code invalid-publisher} /
 * {@code valid token, but no corresponding publisher (Publisher with matching claims was not found)}.
 */
record MintError(String code, String description) {}
