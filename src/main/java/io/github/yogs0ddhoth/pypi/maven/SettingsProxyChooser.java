package io.github.yogs0ddhoth.pypi.maven;

import io.github.yogs0ddhoth.pypi.http.ProxyChooser;
import io.github.yogs0ddhoth.pypi.http.ProxyConfig;
import java.net.URI;
import java.util.Optional;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.AuthenticationContext;
import org.eclipse.aether.repository.Proxy;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * Answers "which proxy for this URL?" the way Maven itself does for repositories: through the resolver session's
 * proxy selector, which already applies settings.xml's active proxy, its {@code nonProxyHosts} and the decrypted
 * credentials. Nothing here parses settings.xml by hand.
 */
final class SettingsProxyChooser implements ProxyChooser {
    private final RepositorySystemSession session;

    SettingsProxyChooser(RepositorySystemSession session) {
        this.session = session;
    }

    @Override
    public Optional<ProxyConfig> proxyFor(URI target) {
        if (session == null || session.getProxySelector() == null) {
            return Optional.empty();
        }
        RemoteRepository repository = new RemoteRepository.Builder("pypi", "default", target.toString()).build();
        Proxy proxy = session.getProxySelector().getProxy(repository);
        if (proxy == null) {
            return Optional.empty();
        }
        String username = null;
        String password = null;
        RemoteRepository proxied = new RemoteRepository.Builder(repository).setProxy(proxy).build();
        try (AuthenticationContext auth = AuthenticationContext.forProxy(session, proxied)) {
            if (auth != null) {
                username = auth.get(AuthenticationContext.USERNAME);
                password = auth.get(AuthenticationContext.PASSWORD);
            }
        }
        return Optional.of(new ProxyConfig(proxy.getHost(), proxy.getPort(), username, password));
    }
}
