package io.github.yogs0ddhoth.pypi.maven;

import io.github.yogs0ddhoth.pypi.report.PublishLog;
import org.apache.maven.plugin.logging.Log;

/** Sends the core's log lines to Maven's log. */
final class MavenPublishLog implements PublishLog {
    private final Log log;

    MavenPublishLog(Log log) {
        this.log = log;
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void error(String message) {
        log.error(message);
    }
}
