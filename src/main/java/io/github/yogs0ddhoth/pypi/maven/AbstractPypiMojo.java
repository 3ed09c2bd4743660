package io.github.yogs0ddhoth.pypi.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters that say which files make up the release, shared by {@code check} and {@code pypi-publish}. */
abstract class AbstractPypiMojo extends AbstractMojo {
    static final List<String> DEFAULT_INCLUDES = List.of("**/*.whl", "**/*.tar.gz");

    /** The directory searched, recursively, for wheels and sdists. */
    @Parameter(property = "pypi.packagesDirectory", defaultValue = "${project.build.directory}", required = true)
    File packagesDirectory;

    /**
     * Patterns, relative to {@code packagesDirectory}, of the files to publish. A {@code .tar.gz} is published
     * only if it is an sdist (a single top-level directory holding {@code PKG-INFO}); other tarballs, such as a
     * Maven assembly, are ignored.
     */
    @Parameter(property = "pypi.includes", defaultValue = "**/*.whl,**/*.tar.gz")
    List<String> includes;

    /** Patterns, relative to {@code packagesDirectory}, of files never to publish. They win over includes. */
    @Parameter(property = "pypi.excludes")
    List<String> excludes;

    /**
     * The version every file must carry (compared by PEP 440 equality), so stale files of an earlier version left
     * in the build directory are caught. Python has no snapshots: a {@code -SNAPSHOT} value is an error.
     */
    @Parameter(property = "pypi.expectedVersion")
    String expectedVersion;

    List<String> includes() {
        return includes == null || includes.isEmpty() ? DEFAULT_INCLUDES : includes;
    }

    List<String> excludes() {
        return excludes == null ? List.of() : excludes;
    }

    String expectedVersion() {
        return expectedVersion == null || expectedVersion.isBlank() ? null : expectedVersion.trim();
    }
}
