package io.github.yogs0ddhoth.pypi.check;

import io.github.yogs0ddhoth.pypi.distribution.CoreMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks PyPI applies to the core metadata of each upload (packaging's {@code Metadata} validation plus
 * Warehouse's own rules), run on the METADATA or PKG-INFO the plugin would send.
 *
 * <p>This class is the catalogue: {@link #check} lists every check in the order its findings are reported. The rules
 * live with their field group ({@link CoreFieldRules}, {@link DescriptionRules}, {@link DependencyRules},
 * {@link ProjectInfoRules}) and all read the fields as {@link MetadataForm} brings them into the upload form's shape.
 */
final class MetadataRules {
    private final TroveClassifiers classifiers;
    private final LicenseExpression licenses;

    MetadataRules(TroveClassifiers classifiers, LicenseExpression licenses) {
        this.classifiers = classifiers;
        this.licenses = licenses;
    }

    /** Checks one file's metadata; {@code where} names the document, {@code METADATA} or {@code PKG-INFO}. */
    List<Finding> check(Path file, String where, CoreMetadata metadata) {
        MetadataForm form = MetadataForm.of(metadata);
        List<Finding> findings = new ArrayList<>();
        Optional<String> metadataVersion = CoreFieldRules.checkMetadataVersion(file, where, form, findings);
        CoreFieldRules.checkName(file, where, form, findings);
        CoreFieldRules.checkVersion(file, where, form, findings);
        CoreFieldRules.checkStructure(file, where, form, metadataVersion, findings);
        DescriptionRules.checkSummary(file, where, form, findings);
        DescriptionRules.checkDescription(file, where, form, findings);
        DependencyRules.checkDependencies(file, where, form, findings);
        ProjectInfoRules.checkUrls(file, where, form, findings);
        ProjectInfoRules.checkEmails(file, where, form, findings);
        ProjectInfoRules.checkClassifiers(classifiers, file, where, form, findings);
        ProjectInfoRules.checkLicense(licenses, file, where, form, metadataVersion, findings);
        DependencyRules.checkDynamic(file, where, form, findings);
        DependencyRules.checkImportNames(file, where, form, findings);
        return findings;
    }
}
