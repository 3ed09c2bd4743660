package io.github.yogs0ddhoth.pypi.upload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yogs0ddhoth.pypi.distribution.Distribution;
import io.github.yogs0ddhoth.pypi.distribution.DistributionFinder;
import io.github.yogs0ddhoth.pypi.distribution.FileDigests;
import io.github.yogs0ddhoth.pypi.testing.TestDistributions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fields we send for real third-party wheels match, value for value, what twine sends for the same METADATA.
 * The expectations in {@code real-metadata/twine-fields.json} were computed by {@code twine_fields.py} with
 * packaging 26.2 (twine's metadata reader) applying twine's rules; the only deliberate difference is the name,
 * which twine rewrites with safe_name and we send as written.
 */
class TwineParityTest {
    @TempDir
    Path dir;

    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = TwineParityTest.class.getResourceAsStream("/real-metadata/twine-fields.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Arguments> cases = new ArrayList<>();
            root.forEach(c -> cases.add(Arguments.of(c.get("filename").asText(), c)));
            return cases.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sendsTheSameFieldsAsTwine(String filename, JsonNode expectation) throws Exception {
        String metadata;
        try (InputStream in = getClass().getResourceAsStream("/real-metadata/" + filename + ".METADATA")) {
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        TestDistributions.wheel(dir, filename, metadata);
        Distribution wheel = new DistributionFinder().discover(dir, List.of("**/*.whl"), List.of()).distributions().get(0);
        String rawName = wheel.metadata().first("Name").orElseThrow();

        UploadForm form = UploadForm.of(wheel, new FileDigests(wheel.size(), "0".repeat(64), "1".repeat(64)));

        List<Map.Entry<String, String>> ours = form.fields().stream()
                .filter(f -> !f.name().endsWith("_digest"))
                .map(f -> Map.entry(f.name(), f.value()))
                .toList();
        List<Map.Entry<String, String>> twine = new ArrayList<>();
        expectation.get("fields").forEach(f -> twine.add(Map.entry(f.get(0).asText(),
                f.get(0).asText().equals("name") ? rawName : f.get(1).asText())));
        assertThat(ours).containsExactlyInAnyOrderElementsOf(twine);
        // Multi-valued fields keep the order they have in METADATA, as twine sends them.
        for (String key : List.of("classifiers", "requires_dist", "project_urls")) {
            assertThat(form.values(key)).containsExactlyElementsOf(
                    twine.stream().filter(e -> e.getKey().equals(key)).map(Map.Entry::getValue).toList());
        }
        assertThat(form.values("sha256_digest")).containsExactly("0".repeat(64));
        assertThat(form.values("blake2_256_digest")).containsExactly("1".repeat(64));
    }
}
