package io.github.yogs0ddhoth.pypi.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.yogs0ddhoth.pypi.http.ProxyConfig;
import java.net.URI;
import java.util.Optional;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.repository.Proxy;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultProxySelector;
import org.junit.jupiter.api.Test;

class SettingsProxyChooserTest {
    @Test
    void usesTheResolverSessionsProxyWithItsCredentialsAndNonProxyHosts() {
        DefaultProxySelector selector = new DefaultProxySelector();
        selector.add(new Proxy("https", "proxy.corp", 3128,
                new AuthenticationBuilder().addUsername("alice").addPassword("s3cret").build()), "*.internal|localhost");
        DefaultRepositorySystemSession session = new DefaultRepositorySystemSession();
        session.setProxySelector(selector);
        SettingsProxyChooser chooser = new SettingsProxyChooser(session);

        Optional<ProxyConfig> proxy = chooser.proxyFor(URI.create("https://upload.pypi.org/legacy/"));

        assertThat(proxy).contains(new ProxyConfig("proxy.corp", 3128, "alice", "s3cret"));
        assertThat(chooser.proxyFor(URI.create("https://pypi.internal/legacy/"))).isEmpty();
        assertThat(chooser.proxyFor(URI.create("http://localhost:8080/legacy/"))).isEmpty();
    }

    @Test
    void noSessionMeansNoProxy() {
        assertThat(new SettingsProxyChooser(null).proxyFor(URI.create("https://upload.pypi.org/legacy/"))).isEmpty();
    }
}
