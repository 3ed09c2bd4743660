package io.github.yogs0ddhoth.pypi;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.yogs0ddhoth.pypi.distribution.FileDigester;
import io.github.yogs0ddhoth.pypi.distribution.FileDigests;
import io.github.yogs0ddhoth.pypi.identity.CiContext;
import io.github.yogs0ddhoth.pypi.report.FileReport;
import io.github.yogs0ddhoth.pypi.report.ReleaseReport;
import io.github.yogs0ddhoth.pypi.testing.FakeIndex;
import io.github.yogs0ddhoth.pypi.testing.Http;
import io.github.yogs0ddhoth.pypi.testing.RecordingLog;
import io.github.yogs0ddhoth.pypi.testing.SampleRelease;
import io.github.yogs0ddhoth.pypi.upload.RepositoryUrl;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole publish to an index that takes the digests after the file: each file is read once, while it is sent. */
class HashWhileUploadingTest {
    @TempDir
    Path target;

    private FakeIndex index;
    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void setUp() {
        index = FakeIndex.start(0);
    }

    @AfterEach
    void tearDown() {
        index.stop();
    }

    private ReleaseReport publish(boolean hashWhileUploading) throws PublishException {
        Publisher publisher = new Publisher(log, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), Http.settings(), Clock.systemUTC(), d -> {});
        RepositoryUrl repository = RepositoryUrl.parse(index.uploadUrl()).withHashWhileUploading(hashWhileUploading);
        return publisher.publish(PublishRequest.builder(repository, CiContext.of(index.gitHubEnvironment(), null))
                .packagesDirectory(target).build());
    }

    private static List<String> partNames(LoggedRequest upload) {
        return upload.getParts().stream().map(p -> p.getName()).toList();
    }

    @Test
    void theDigestsFollowTheFileAndAreTheFilesOwn() throws Exception {
        SampleRelease.write(target.resolve("dist"));

        ReleaseReport report = publish(true);

        assertThat(report.status()).isEqualTo("published");
        List<LoggedRequest> uploads = index.uploads();
        assertThat(uploads).hasSize(2);
        for (int i = 0; i < 2; i++) {
            String name = i == 0 ? SampleRelease.WHEEL : SampleRelease.SDIST;
            FileDigests expected = new FileDigester().digest(target.resolve("dist").resolve(name));
            List<String> parts = partNames(uploads.get(i));
            assertThat(parts.subList(parts.size() - 3, parts.size()))
                    .containsExactly("content", "sha256_digest", "blake2_256_digest");
            Map<String, List<String>> fields = FakeIndex.fieldMap(uploads.get(i));
            assertThat(fields.get("sha256_digest")).containsExactly(expected.sha256Hex());
            assertThat(fields.get("blake2_256_digest")).containsExactly(expected.blake2b256Hex());
            FileReport file = report.files().get(i);
            assertThat(file.sha256()).isEqualTo(expected.sha256Hex());
            assertThat(file.blake2b256()).isEqualTo(expected.blake2b256Hex());
        }
        assertThat(log.text()).contains("(hashed while it is uploaded)");
    }

    @Test
    void otherwiseTheDigestsPrecedeTheFileAsTwineSendsThem() throws Exception {
        SampleRelease.write(target.resolve("dist"));

        publish(false);

        List<String> parts = partNames(index.uploads().get(0));
        assertThat(parts.subList(parts.size() - 3, parts.size()))
                .containsExactly("sha256_digest", "blake2_256_digest", "content");
    }
}
