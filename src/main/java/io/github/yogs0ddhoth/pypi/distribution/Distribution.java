package io.github.yogs0ddhoth.pypi.distribution;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A wheel or sdist found on disk, with its core metadata already read.
 *
 * @param path the file
 * @param filename its file name, as it will be sent to the index
 * @param type wheel or sdist
 * @param size the size in bytes when it was read
 * @param metadata the parsed {@code METADATA} (wheel) or {@code PKG-INFO} (sdist)
 * @param pyversion the upload form's {@code pyversion}: the wheel's python tag ({@code py3}, {@code cp312},
 *     {@code py2.py3}), or {@code source} for an sdist
 * @param listing what the archive holds besides the metadata, read in the same pass: a {@link ZipListing} for a
 *     wheel, a {@link TarListing} for an sdist
 */
public record Distribution(Path path, String filename, DistributionType type, long size, CoreMetadata metadata,
        String pyversion, ArchiveListing listing) {

    /** The {@code pyversion} PyPI requires for an sdist. */
    static final String SDIST_PYVERSION = "source";

    public Distribution {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(pyversion, "pyversion");
        Objects.requireNonNull(listing, "listing");
    }

    /** The {@code Name} field of the metadata, as written; empty if the field is missing (a validator reports it). */
    public Optional<String> name() {
        return metadata.name();
    }

    /** The {@code Version} field of the metadata, as written; empty if the field is missing. */
    public Optional<String> version() {
        return metadata.version();
    }
}
