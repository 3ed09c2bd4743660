package io.github.yogs0ddhoth.pypi.identity;

import io.github.yogs0ddhoth.pypi.json.Json;
import io.github.yogs0ddhoth.pypi.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A CI provider's signed OIDC identity token (a JWT). The claims are decoded without verifying the signature:
 * PyPI verifies it against the issuer's keys, and we only read the claims to explain failures.
 */
public final class IdToken {
    private final String jwt;
    private final JsonValue claims;

    private IdToken(String jwt, JsonValue claims) {
        this.jwt = jwt;
        this.claims = claims;
    }

    /** Parses the payload of a compact JWT; the error message never contains the token itself. */
    public static IdToken parse(String jwt, String source) throws IdentityException {
        String[] parts = jwt.trim().split("\\.", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            throw new IdentityException(source + " returned a value that is not a JWT (expected three"
                    + " dot-separated parts, got " + parts.length + ").");
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
            JsonValue claims = Json.parse(new String(payload, StandardCharsets.UTF_8));
            if (claims == null || !claims.isObject()) {
                throw new IdentityException(source + " returned a JWT whose payload is not a JSON object.");
            }
            return new IdToken(jwt.trim(), claims);
        } catch (IllegalArgumentException | IOException e) {
            throw new IdentityException(source + " returned a JWT whose payload cannot be decoded ("
                    + e.getClass().getSimpleName() + ").");
        }
    }

    /** The raw token: only for the mint-token request body. */
    public String value() {
        return jwt;
    }

    /** A claim as text, or null when absent. */
    public String claim(String name) {
        JsonValue node = claims.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    /** True when the claim is present and is a JSON string (PyPI insists on a single string {@code aud}). */
    public boolean isTextClaim(String name) {
        JsonValue node = claims.get(name);
        return node != null && node.isTextual();
    }

    /** A numeric claim such as {@code exp}, or null when absent or not a number. */
    public Long numericClaim(String name) {
        JsonValue node = claims.get(name);
        return node != null && node.canConvertToLong() && node.isNumber() ? node.asLong() : null;
    }

    @Override
    public String toString() {
        return "IdToken[iss=" + claim("iss") + ", sub=" + claim("sub") + ", value=***]";
    }
}
