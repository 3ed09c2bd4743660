package io.github.yogs0ddhoth.pypi.upload;

import java.util.List;
import java.util.Optional;

/** What one lookup of a project's simple page established. */
sealed interface ProjectListing {
    /** The project exists; these are all its files, of every version. */
    record Files(List<IndexedFile> files) implements ProjectListing {
        public Optional<IndexedFile> named(String filename) {
            return files.stream().filter(f -> f.filename().equals(filename)).findFirst();
        }
    }

    /** The index answers the simple API but has no such project: it will be created by the first upload. */
    record NoProject(String url) implements ProjectListing {}

    /** Nothing is known: the lookup failed, lookups are off, or the index has no PEP 691 simple API. */
    record Unavailable(String why) implements ProjectListing {}
}
