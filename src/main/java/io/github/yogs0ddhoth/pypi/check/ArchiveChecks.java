package io.github.yogs0ddhoth.pypi.check;

import io.github.yogs0ddhoth.pypi.distribution.Distribution;
import io.github.yogs0ddhoth.pypi.distribution.DistributionType;
import java.util.List;
import java.util.Optional;

/**
 * What the index checks of one kind of archive beyond its core metadata: the file name against the metadata, and
 * the archive's layout. Works on what the distribution reader listed in its one pass over the file, never on the
 * file itself.
 */
interface ArchiveChecks {

    /**
     * What the metadata declares that the archive checks compare against.
     *
     * @param name the Name field, stripped; empty when missing or blank
     * @param version the Version field, parsed; empty when missing or not PEP 440
     * @param metadataVersion the Metadata-Version field as written
     * @param licenseFiles the License-File values that name a file
     */
    record Declared(Optional<String> name, Optional<Pep440Version> version, Optional<String> metadataVersion,
            List<String> licenseFiles) {}

    List<Finding> check(Distribution distribution, Declared declared);

    /** The checks for a distribution of this type. */
    static ArchiveChecks of(DistributionType type) {
        return type == DistributionType.WHEEL ? new WheelChecks() : new SdistChecks();
    }
}
