package io.github.yogs0ddhoth.pypi.check;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The core-metadata fields PyPI knows, with the Metadata-Version that introduced each and whether it may repeat
 * ({@code packaging.metadata}'s table).
 */
enum MetadataField {
    METADATA_VERSION("Metadata-Version", "1.0", false),
    NAME("Name", "1.0", false),
    VERSION("Version", "1.0", false),
    DYNAMIC("Dynamic", "2.2", true),
    PLATFORM("Platform", "1.0", true),
    SUPPORTED_PLATFORM("Supported-Platform", "1.1", true),
    SUMMARY("Summary", "1.0", false),
    DESCRIPTION("Description", "1.0", false),
    DESCRIPTION_CONTENT_TYPE("Description-Content-Type", "2.1", false),
    KEYWORDS("Keywords", "1.0", false),
    HOME_PAGE("Home-page", "1.0", false),
    DOWNLOAD_URL("Download-URL", "1.1", false),
    AUTHOR("Author", "1.0", false),
    AUTHOR_EMAIL("Author-email", "1.0", false),
    MAINTAINER("Maintainer", "1.2", false),
    MAINTAINER_EMAIL("Maintainer-email", "1.2", false),
    LICENSE("License", "1.0", false),
    LICENSE_EXPRESSION("License-Expression", "2.4", false),
    LICENSE_FILE("License-File", "2.4", true),
    CLASSIFIER("Classifier", "1.1", true),
    REQUIRES_DIST("Requires-Dist", "1.2", true),
    REQUIRES_PYTHON("Requires-Python", "1.2", false),
    REQUIRES_EXTERNAL("Requires-External", "1.2", true),
    PROJECT_URL("Project-URL", "1.2", true),
    PROVIDES_EXTRA("Provides-Extra", "2.1", true),
    PROVIDES_DIST("Provides-Dist", "1.2", true),
    OBSOLETES_DIST("Obsoletes-Dist", "1.2", true),
    IMPORT_NAME("Import-Name", "2.5", true),
    IMPORT_NAMESPACE("Import-Namespace", "2.5", true),
    REQUIRES("Requires", "1.1", true),
    PROVIDES("Provides", "1.1", true),
    OBSOLETES("Obsoletes", "1.1", true);

    /** The Metadata-Version values PyPI accepts, oldest first; 2.0 never existed as a standard. */
    static final List<String> SUPPORTED_VERSIONS = List.of("1.0", "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5");

    private static final Map<String, MetadataField> BY_LOWER_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(f -> f.spelling.toLowerCase(Locale.ROOT), Function.identity()));

    private final String spelling;
    private final String added;
    private final boolean multiple;

    MetadataField(String spelling, String added, boolean multiple) {
        this.spelling = spelling;
        this.added = added;
        this.multiple = multiple;
    }

    /** The field by name, case-insensitively, as email headers compare. */
    static Optional<MetadataField> byName(String name) {
        return Optional.ofNullable(BY_LOWER_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The usual spelling, e.g. {@code Requires-Dist}. */
    String spelling() {
        return spelling;
    }

    /** packaging's name for the field in its messages: the lower-case spelling, e.g. {@code requires-dist}. */
    String key() {
        return spelling.toLowerCase(Locale.ROOT);
    }

    /** The Metadata-Version that introduced the field. */
    String added() {
        return added;
    }

    /** Whether the field may appear more than once. */
    boolean multiple() {
        return multiple;
    }
}
