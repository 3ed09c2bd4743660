package io.github.yogs0ddhoth.pypi.check;

/** How bad a finding is. */
enum Severity {
    /** PyPI would refuse the file or the release: nothing may be uploaded. */
    ERROR,
    /** PyPI accepts it, but users are likely to regret it (a description shown as plain reStructuredText, say). */
    WARNING
}
