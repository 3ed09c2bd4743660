package io.github.yogs0ddhoth.pypi.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.yogs0ddhoth.pypi.testing.RecordingLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TransferProgressTest {
    private Instant now = Instant.parse("2026-11-26T12:00:00Z");
    private final Clock clock = new Clock() {
        public ZoneId getZone() { return ZoneOffset.UTC; }
        public Clock withZone(ZoneId zone) { return this; }
        public Instant instant() { return now; }
    };
    private final RecordingLog log = new RecordingLog();

    @Test
    void reportsAtMostEveryFiveSecondsAndEveryTenPercent() {
        long total = 1000L * 1024 * 1024;
        TransferProgress progress = new TransferProgress(log, clock, "big.whl");
        for (int i = 1; i <= 100; i++) {
            now = now.plus(Duration.ofMillis(500));
            progress.sent(total * i / 100, total);
        }
        // 50 s in all: one line every 5 s (10 %), none at 100 %.
        assertThat(log.lines()).hasSize(9);
        assertThat(log.lines().get(0)).isEqualTo("[INFO]   big.whl: 10% (100.0 MiB of 1000.0 MiB), 21.0 MB/s");
    }

    @Test
    void staysQuietForSmallFiles() {
        TransferProgress progress = new TransferProgress(log, clock, "small.whl");
        now = now.plusSeconds(60);
        progress.sent(1024, 2048);
        assertThat(log.lines()).isEmpty();
    }
}
