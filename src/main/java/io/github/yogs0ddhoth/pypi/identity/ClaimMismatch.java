package io.github.yogs0ddhoth.pypi.identity;

/**
 * One claim of the ID token that PyPI would reject, found before the exchange. Claims are not secret; none of these
 * fields ever holds a token.
 *
 * @param claim     the claim's name, e.g. {@code environment}
 * @param declared  what the declared publisher (or PyPI's rule, when nothing is declared) requires
 * @param tokenSays what the token carries, or {@code MISSING}
 * @param rule      PyPI's matching rule, in a sentence
 * @param fix       what to change, and where
 */
record ClaimMismatch(String claim, String declared, String tokenSays, String rule, String fix) {}
