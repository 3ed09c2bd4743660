package io.github.yogs0ddhoth.pypi.identity;

/**
 * The identity a publish run obtained: the current upload token, and the means to mint another one when it nears
 * expiry, where the CI allows it. Not thread-safe; one publish run uses it.
 */
public final class PublishingIdentity {
    private final TrustedPublishing.Session session;
    private UploadToken token;

    PublishingIdentity(TrustedPublishing.Session session, UploadToken token) {
        this.session = session;
        this.token = token;
    }

    /** The upload token minted last; use {@code __token__} as the user name and its value as the password. */
    public UploadToken token() {
        return token;
    }

    public String providerName() {
        return session.provider.displayName();
    }

    public PublisherKind kind() {
        return session.provider.kind();
    }

    /** False on GitLab: its single ID token is spent, so {@link #refresh()} would fail. */
    public boolean canRefreshToken() {
        return session.provider.canRefreshToken();
    }

    /**
     * Mints a new upload token from a new ID token (checked like the first), and makes it {@link #token()}.
     *
     * @throws IdentityException where {@link #canRefreshToken()} is false, or when any step fails
     */
    public UploadToken refresh() throws IdentityException {
        token = session.refresh();
        return token;
    }

    @Override
    public String toString() {
        return "PublishingIdentity[" + providerName() + ", " + token + "]";
    }
}
