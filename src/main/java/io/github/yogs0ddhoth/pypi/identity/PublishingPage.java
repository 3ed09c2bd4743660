package io.github.yogs0ddhoth.pypi.identity;

import io.github.yogs0ddhoth.pypi.distribution.ProjectNames;
import io.github.yogs0ddhoth.pypi.http.Endpoints;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * Where a project's trusted publishers are managed on the index's website, e.g.
 * {@code https://pypi.org/manage/project/demo-pkg/settings/publishing/}, optionally with the form pre-filled.
 *
 * @param webOrigin the website, which for PyPI is not the upload host: {@code https://pypi.org}
 * @param project   the project's normalized name, or null when unknown
 */
record PublishingPage(String webOrigin, String project) {

    /**
     * @param indexOrigin the upload URL's {@code scheme://authority}; {@code upload.pypi.org} is served from
     *                    {@code pypi.org}, every other index (TestPyPI included) from its own origin
     * @param projectName the name as written in the metadata, or null
     */
    public static PublishingPage forIndex(String indexOrigin, String projectName) {
        String web = Endpoints.webOrigin(URI.create(indexOrigin));
        return new PublishingPage(web,
                projectName == null || projectName.isBlank() ? null : ProjectNames.normalize(projectName.trim()));
    }

    /**
     * The page listing the project's publishers; for an unknown project, the account page where a pending publisher
     * (one that may create the project) is added.
     */
    public String url() {
        return project == null ? webOrigin + "/manage/account/publishing/"
                : webOrigin + "/manage/project/" + project + "/settings/publishing/";
    }

    /** {@link #url()} with the registration's values as a query, so the form opens filled in. */
    public String prefilled(PublisherRegistration registration) {
        StringJoiner query = new StringJoiner("&", "?", "");
        query.add("provider=" + registration.kind().pypiProvider());
        for (PublisherRegistration.Field field : registration.fields()) {
            if (field.value() != null) {
                query.add(field.queryName() + "=" + URLEncoder.encode(field.value(), StandardCharsets.UTF_8));
            }
        }
        return url() + query;
    }
}
