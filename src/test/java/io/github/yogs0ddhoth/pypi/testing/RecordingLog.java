package io.github.yogs0ddhoth.pypi.testing;

import io.github.yogs0ddhoth.pypi.report.PublishLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps every line logged, prefixed with its level. */
public final class RecordingLog implements PublishLog {
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void debug(String message) {
        lines.add("[DEBUG] " + message);
    }

    @Override
    public void info(String message) {
        lines.add("[INFO] " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("[WARNING] " + message);
    }

    @Override
    public void error(String message) {
        lines.add("[ERROR] " + message);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public String text() {
        return String.join("\n", lines());
    }
}
