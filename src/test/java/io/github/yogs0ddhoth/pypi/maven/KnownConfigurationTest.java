package io.github.yogs0ddhoth.pypi.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class KnownConfigurationTest {
    private static final Set<String> KNOWN = Set.of("dryRun", "publisher", "repositoryUrl", "pypi.dryRun",
            "pypi.publisher.workflow");

    @Test
    void aWrongCaseIsRecognised() {
        assertEquals(" (did you mean dryRun?)", KnownConfiguration.suggestion("dryrun", KNOWN));
        assertEquals(" (did you mean pypi.dryRun?)", KnownConfiguration.suggestion("pypi.dryrun", KNOWN));
    }

    @Test
    void aSmallTypoIsRecognised() {
        assertEquals(" (did you mean publisher?)", KnownConfiguration.suggestion("publsher", KNOWN));
        assertEquals(" (did you mean pypi.publisher.workflow?)",
                KnownConfiguration.suggestion("pypi.publisher.workfow", KNOWN));
    }

    @Test
    void somethingElseEntirelyGetsNoSuggestion() {
        assertEquals("", KnownConfiguration.suggestion("password", KNOWN));
        assertEquals("", KnownConfiguration.suggestion("x", KNOWN));
    }
}
