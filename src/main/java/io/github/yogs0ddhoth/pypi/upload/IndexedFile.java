package io.github.yogs0ddhoth.pypi.upload;

import java.time.Instant;
import java.util.Optional;

/**
 * One file the index lists for a project.
 *
 * @param sha256 lower-case hex, or empty when the index gave none
 * @param uploadTime when it was uploaded (PEP 700's {@code upload-time}), when the index says
 */
record IndexedFile(String filename, String sha256, Optional<Instant> uploadTime) {}
