package io.github.yogs0ddhoth.pypi.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds unsigned JWTs with given claims: the plugin never verifies signatures, PyPI does. */
public final class Jwts {
    private Jwts() {}

    public static String jwt(Map<String, ?> claims) {
        String json = claims.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + (e.getValue() instanceof Number || e.getValue() instanceof Boolean
                        ? e.getValue().toString() : "\"" + e.getValue() + "\""))
                .collect(Collectors.joining(",", "{", "}"));
        return b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + b64(json) + ".c2lnbmF0dXJlLW5vdC1jaGVja2Vk";
    }

    /** Claims shaped like a real GitHub Actions token for owner/repo's publish.yml in environment pypi. */
    public static String gitHubJwt(String jti) {
        return jwt(Map.ofEntries(
                Map.entry("iss", "https://token.actions.githubusercontent.com"),
                Map.entry("aud", "pypi"),
                Map.entry("sub", "repo:octo-org/octo-repo:environment:pypi"),
                Map.entry("repository", "octo-org/octo-repo"),
                Map.entry("repository_owner", "octo-org"),
                Map.entry("repository_owner_id", "131804563"),
                Map.entry("workflow_ref", "octo-org/octo-repo/.github/workflows/publish.yml@refs/tags/v1.0.0"),
                Map.entry("job_workflow_ref", "octo-org/octo-repo/.github/workflows/publish.yml@refs/tags/v1.0.0"),
                Map.entry("ref", "refs/tags/v1.0.0"),
                Map.entry("environment", "pypi"),
                Map.entry("event_name", "push"),
                Map.entry("jti", jti),
                Map.entry("iat", 1769941559),
                Map.entry("exp", 1769941859)));
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
