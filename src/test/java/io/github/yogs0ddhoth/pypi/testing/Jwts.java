package io.github.yogs0ddhoth.pypi.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds unsigned JWTs with given claims: the plugin never verifies signatures, PyPI does. The claim sets are shaped
 * like real tokens of each provider; tests change one claim to exercise one rule.
 */
public final class Jwts {
    /** 2026-02-01T10:25:59Z, when the fixtures were issued. */
    public static final long ISSUED_AT = 1769941559L;
    /** 2100-01-01: far enough that the fixtures stay valid in builds that use the real clock. */
    public static final long EXPIRES = 4102444800L;
    public static final String SHA = "8c13f0a4d1b2e3f4a5b6c7d8e9f00112233445566";

    private Jwts() {}

    public static String jwt(Map<String, ?> claims) {
        String json = claims.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + (e.getValue() instanceof Number || e.getValue() instanceof Boolean
                        ? e.getValue().toString() : "\"" + e.getValue() + "\""))
                .collect(Collectors.joining(",", "{", "}"));
        return b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + b64(json) + ".c2lnbmF0dXJlLW5vdC1jaGVja2Vk";
    }

    /** Any JSON values (lists, nested objects, null), encoded with Jackson. */
    public static String encode(Map<String, ?> claims) {
        try {
            return b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + b64(new ObjectMapper().writeValueAsString(claims))
                    + ".c2lnbmF0dXJlLW5vdC1jaGVja2Vk";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Claims shaped like a real GitHub Actions token for octo-org/octo-repo's publish.yml in environment pypi. */
    public static Map<String, Object> gitHubClaims() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", "https://token.actions.githubusercontent.com");
        c.put("aud", "pypi");
        c.put("sub", "repo:octo-org/octo-repo:environment:pypi");
        c.put("repository", "octo-org/octo-repo");
        c.put("repository_id", "632596897");
        c.put("repository_owner", "octo-org");
        c.put("repository_owner_id", "131804563");
        c.put("workflow_ref", "octo-org/octo-repo/.github/workflows/publish.yml@refs/tags/v1.0.0");
        c.put("job_workflow_ref", "octo-org/octo-repo/.github/workflows/publish.yml@refs/tags/v1.0.0");
        c.put("workflow_sha", SHA);
        c.put("job_workflow_sha", SHA);
        c.put("sha", SHA);
        c.put("ref", "refs/tags/v1.0.0");
        c.put("ref_type", "tag");
        c.put("environment", "pypi");
        c.put("event_name", "push");
        c.put("runner_environment", "github-hosted");
        c.put("jti", "jti-github-1");
        c.put("iat", ISSUED_AT);
        c.put("nbf", ISSUED_AT - 300);
        c.put("exp", EXPIRES);
        return c;
    }

    /** Claims shaped like a GitLab.com ID token for group/project's .gitlab-ci.yml deploying to release. */
    public static Map<String, Object> gitLabClaims() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", "https://gitlab.com");
        c.put("aud", "pypi");
        c.put("sub", "project_path:octo-group/octo-project:ref_type:tag:ref:v1.0.0");
        c.put("namespace_id", "72");
        c.put("namespace_path", "octo-group");
        c.put("project_id", "20");
        c.put("project_path", "octo-group/octo-project");
        c.put("user_login", "octocat");
        c.put("pipeline_id", "1212");
        c.put("pipeline_source", "push");
        c.put("job_id", "1212");
        c.put("ref", "v1.0.0");
        c.put("ref_type", "tag");
        c.put("ref_path", "refs/tags/v1.0.0");
        c.put("ref_protected", "true");
        c.put("environment", "release");
        c.put("environment_protected", "true");
        c.put("runner_environment", "gitlab-hosted");
        c.put("sha", SHA);
        c.put("ci_config_ref_uri", "gitlab.com/octo-group/octo-project//.gitlab-ci.yml@refs/tags/v1.0.0");
        c.put("ci_config_sha", SHA);
        c.put("jti", "jti-gitlab-1");
        c.put("iat", ISSUED_AT);
        c.put("nbf", ISSUED_AT - 5);
        c.put("exp", EXPIRES);
        return c;
    }

    /** Claims shaped like a Google metadata-server identity token (format=full) of a dedicated service account. */
    public static Map<String, Object> googleClaims() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", "https://accounts.google.com");
        c.put("aud", "pypi");
        c.put("azp", "112233445566778899000");
        c.put("sub", "112233445566778899000");
        c.put("email", "publisher@octo-project.iam.gserviceaccount.com");
        c.put("email_verified", true);
        c.put("iat", ISSUED_AT);
        c.put("exp", EXPIRES);
        c.put("google", Map.of("compute_engine", Map.of("project_id", "octo-project", "zone", "europe-west1-b")));
        return c;
    }

    public static String gitHubJwt(String jti) {
        Map<String, Object> c = gitHubClaims();
        c.put("jti", jti);
        return encode(c);
    }

    public static String gitLabJwt(String jti) {
        Map<String, Object> c = gitLabClaims();
        c.put("jti", jti);
        return encode(c);
    }

    public static String googleJwt() {
        return encode(googleClaims());
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
