package io.github.yogs0ddhoth.pypi.distribution;

/**
 * What a distribution's archive holds beyond its core metadata, read in the same pass as the metadata, so that the
 * release check needs no second open of the file.
 */
public sealed interface ArchiveListing permits ZipListing, TarListing {}
