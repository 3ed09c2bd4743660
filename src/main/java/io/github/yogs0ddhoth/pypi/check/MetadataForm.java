package io.github.yogs0ddhoth.pypi.check;

import io.github.yogs0ddhoth.pypi.distribution.CoreMetadata;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields as the upload form carries them, plus what was left out on the way.
 *
 * <p>PyPI validates the form fields, not the file, so the fields are first brought into the shape the upload form
 * gives them: a value that is just {@code UNKNOWN} (what old setuptools wrote for "not set") is dropped, as PyPI drops
 * it; a single empty value counts as absent; of a repeated single-valued field only the first is sent.
 */
record MetadataForm(Map<MetadataField, List<String>> values, Set<String> unknown, Set<MetadataField> repeated,
        boolean descriptionInBody, boolean descriptionInHeader) {

    List<String> all(MetadataField field) {
        return values.getOrDefault(field, List.of());
    }

    Optional<String> first(MetadataField field) {
        List<String> list = all(field);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    static MetadataForm of(CoreMetadata metadata) {
        Map<MetadataField, List<String>> values = new EnumMap<>(MetadataField.class);
        Set<String> unknown = new LinkedHashSet<>();
        Set<MetadataField> repeated = new LinkedHashSet<>();
        for (CoreMetadata.Field field : metadata.fields()) {
            Optional<MetadataField> known = MetadataField.byName(field.name());
            if (known.isEmpty()) {
                unknown.add(field.name());
                continue;
            }
            List<String> list = values.computeIfAbsent(known.get(), f -> new ArrayList<>());
            if (!known.get().multiple() && !list.isEmpty()) {
                repeated.add(known.get());
                continue;
            }
            list.add(field.value());
        }
        values.values().removeIf(list -> {
            list.removeIf(v -> v.strip().equals("UNKNOWN"));
            return list.isEmpty() || list.size() == 1 && list.get(0).isEmpty();
        });
        boolean inHeader = values.containsKey(MetadataField.DESCRIPTION);
        boolean inBody = !metadata.body().isBlank();
        return new MetadataForm(values, unknown, repeated, inBody, inHeader);
    }

    static final String CORE_METADATA_SPEC = "https://packaging.python.org/specifications/core-metadata";

    /** PyPI's refusal of a field, quoted as its upload endpoint words it. */
    static String refusal(String pypiMessage) {
        String sentence = pypiMessage.endsWith(".") ? pypiMessage : pypiMessage + ".";
        return "PyPI refuses the upload: \"" + sentence + " See " + CORE_METADATA_SPEC + " for more information.\"";
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
