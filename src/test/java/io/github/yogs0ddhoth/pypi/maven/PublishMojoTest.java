package io.github.yogs0ddhoth.pypi.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.yogs0ddhoth.pypi.testing.SampleRelease;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MojoTest
class PublishMojoTest {
    @TempDir
    Path dir;

    /** Keeps what the mojo logs at info level and above. */
    static final class CapturingLog extends SystemStreamLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            lines.add(content.toString());
        }

        @Override
        public void warn(CharSequence content) {
            lines.add(content.toString());
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }
    }

    private static Object param(PublishMojo mojo, String name) throws IllegalAccessException {
        return getVariableValueFromObject(mojo, name);
    }

    @Test
    @InjectMojo(goal = "pypi-publish", pom = "classpath:/unit/configured/pom.xml")
    void wiresEveryParameterFromThePom(PublishMojo mojo) throws Exception {
        assertThat(param(mojo, "repositoryUrl")).isEqualTo("testpypi");
        assertThat(((File) param(mojo, "packagesDirectory")).getPath()).endsWith("dist");
        assertThat(param(mojo, "includes")).isEqualTo(List.of("**/*.whl"));
        assertThat(param(mojo, "excludes")).isEqualTo(List.of("old/**"));
        assertThat(param(mojo, "dryRun")).isEqualTo(true);
        assertThat(param(mojo, "skip")).isEqualTo(false);
    }

    @Test
    @InjectMojo(goal = "pypi-publish", pom = "classpath:/unit/defaults/pom.xml")
    void defaultsPublishToPypiFromTheBuildDirectory(PublishMojo mojo) throws Exception {
        assertThat(param(mojo, "repositoryUrl")).isEqualTo("https://upload.pypi.org/legacy/");
        assertThat(param(mojo, "exchangeTimeout")).isEqualTo(30);
        assertThat(param(mojo, "parallelUploads")).isEqualTo(4);
        assertThat(param(mojo, "includes")).isEqualTo(List.of("**/*.whl", "**/*.tar.gz"));
        assertThat(param(mojo, "dryRun")).isEqualTo(false);
        assertThat(param(mojo, "skip")).isEqualTo(false);
    }

    @Test
    @InjectMojo(goal = "pypi-publish", pom = "classpath:/unit/defaults/pom.xml")
    @MojoParameter(name = "skip", value = "true")
    void skipDoesNothingEvenWithoutDistributions(PublishMojo mojo) throws Exception {
        CapturingLog log = new CapturingLog();
        mojo.setLog(log);
        setVariableValueToObject(mojo, "packagesDirectory", dir.resolve("missing").toFile());

        mojo.execute();

        assertThat(log.lines).containsExactly("Skipping PyPI publishing (pypi.skip=true)");
    }

    @Test
    @InjectMojo(goal = "pypi-publish", pom = "classpath:/unit/configured/pom.xml")
    void dryRunReportsTheFilesWithoutAnyToken(PublishMojo mojo) throws Exception {
        SampleRelease.write(dir);
        CapturingLog log = new CapturingLog();
        mojo.setLog(log);
        setVariableValueToObject(mojo, "packagesDirectory", dir.toFile());
        // Off any CI, whatever runs this test: a dry run then needs no credentials at all.
        setVariableValueToObject(mojo, "environment", java.util.Map.of());
        setVariableValueToObject(mojo, "dmiProductName", dir.resolve("no-product-name"));

        mojo.execute();

        assertThat(String.join("\n", log.lines))
                .contains(SampleRelease.WHEEL)
                .doesNotContain(SampleRelease.SDIST)
                .contains("would be published to https://test.pypi.org/legacy/")
                .contains("no token was requested (no CI detected)")
                .contains("Nothing was uploaded");
    }

    @Test
    @InjectMojo(goal = "pypi-publish", pom = "classpath:/unit/defaults/pom.xml")
    @MojoParameter(name = "repositoryUrl", value = "http://pypi.example.com/legacy/")
    void plainHttpToARemoteHostFailsTheBuild(PublishMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("plain http://");
    }

    @Test
    @InjectMojo(goal = "pypi-publish", pom = "classpath:/unit/defaults/pom.xml")
    @MojoParameter(name = "parallelUploads", value = "0")
    void parallelUploadsOutsideOneToSixteenFailsTheBuild(PublishMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("pypi.parallelUploads must be between 1 and 16, was 0")
                .hasMessageContaining("Use 1 to upload one file at a time");
    }

    @Test
    @InjectMojo(goal = "pypi-publish", pom = "classpath:/unit/defaults/pom.xml")
    void offlineFailsUnlessDryRun(PublishMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "offline", true);
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("offline (-o)");
    }
}
