package io.github.yogs0ddhoth.pypi.report;

/** Where the core writes what it does; the Maven side adapts its own log to this. */
public interface PublishLog {
    void debug(String message);

    void info(String message);

    void warn(String message);

    void error(String message);
}
