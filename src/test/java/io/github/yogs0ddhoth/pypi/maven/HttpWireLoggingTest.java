package io.github.yogs0ddhoth.pypi.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

@ResourceLock(Resources.SYSTEM_PROPERTIES)
class HttpWireLoggingTest {
    private final Map<String, String> saved = new HashMap<>();

    @BeforeEach
    void clear() {
        for (String key : keys()) {
            saved.put(key, System.getProperty(key));
            System.clearProperty(key);
        }
    }

    @AfterEach
    void restore() {
        saved.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }

    @Test
    void setsTheKeyOfMaven3AndOfMaven4() {
        HttpWireLogging.silence();

        for (String logger : HttpWireLogging.LOGGERS) {
            assertThat(System.getProperty("org.slf4j.simpleLogger.log." + logger)).isEqualTo("info");
            // Maven 4 reads this one first, so it never falls back to the deprecated key and never warns.
            assertThat(System.getProperty("maven.logger.log." + logger)).isEqualTo("info");
        }
    }

    @Test
    void leavesALevelTheUserSetUnderTheMaven3KeyAlone() {
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.hc.client5.http.wire", "debug");

        HttpWireLogging.silence();

        assertThat(System.getProperty("org.slf4j.simpleLogger.log.org.apache.hc.client5.http.wire")).isEqualTo("debug");
        // Setting the Maven 4 key would override the user's choice there, since Maven 4 reads it first.
        assertThat(System.getProperty("maven.logger.log.org.apache.hc.client5.http.wire")).isNull();
        assertThat(System.getProperty("maven.logger.log.org.apache.hc.client5.http.headers")).isEqualTo("info");
    }

    @Test
    void leavesALevelTheUserSetUnderTheMaven4KeyAlone() {
        System.setProperty("maven.logger.log.org.apache.hc.client5.http.headers", "trace");

        HttpWireLogging.silence();

        assertThat(System.getProperty("maven.logger.log.org.apache.hc.client5.http.headers")).isEqualTo("trace");
        assertThat(System.getProperty("org.slf4j.simpleLogger.log.org.apache.hc.client5.http.headers")).isNull();
        assertThat(System.getProperty("org.slf4j.simpleLogger.log.org.apache.hc.client5.http.wire")).isEqualTo("info");
    }

    private static String[] keys() {
        String[] keys = new String[HttpWireLogging.LOGGERS.length * 2];
        for (int i = 0; i < HttpWireLogging.LOGGERS.length; i++) {
            keys[2 * i] = HttpWireLogging.MAVEN_3_PREFIX + HttpWireLogging.LOGGERS[i];
            keys[2 * i + 1] = HttpWireLogging.MAVEN_4_PREFIX + HttpWireLogging.LOGGERS[i];
        }
        return keys;
    }
}
