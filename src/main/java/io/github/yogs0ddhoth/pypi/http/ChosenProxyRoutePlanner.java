package io.github.yogs0ddhoth.pypi.http;

import java.net.ProxySelector;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.Credentials;
import org.apache.hc.client5.http.auth.CredentialsProvider;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Routes each request through the proxy the {@link ProxyChooser} names (settings.xml), and otherwise through the
 * JVM's default proxy selector, which honours {@code https.proxyHost}-style system properties. It also answers
 * the proxy's authentication challenge with the credentials that came with the chosen proxy, and only to it.
 */
final class ChosenProxyRoutePlanner extends SystemDefaultRoutePlanner implements CredentialsProvider {
    private final ProxyChooser chooser;
    private final Map<String, ProxyConfig> chosen = new ConcurrentHashMap<>();

    ChosenProxyRoutePlanner(ProxyChooser chooser) {
        super(ProxySelector.getDefault());
        this.chooser = chooser;
    }

    @Override
    protected HttpHost determineProxy(HttpHost target, HttpContext context) throws HttpException {
        Optional<ProxyConfig> proxy = chooser.proxyFor(URI.create(target.toURI()));
        if (proxy.isPresent()) {
            ProxyConfig p = proxy.get();
            chosen.put(p.host().toLowerCase(java.util.Locale.ROOT) + ":" + p.port(), p);
            return new HttpHost("http", p.host(), p.port());
        }
        return super.determineProxy(target, context);
    }

    @Override
    public Credentials getCredentials(AuthScope scope, HttpContext context) {
        if (scope.getHost() == null) {
            return null;
        }
        ProxyConfig p = chosen.get(scope.getHost().toLowerCase(java.util.Locale.ROOT) + ":" + scope.getPort());
        if (p == null || p.username() == null) {
            return null;
        }
        return new UsernamePasswordCredentials(p.username(),
                p.password() == null ? new char[0] : p.password().toCharArray());
    }
}
