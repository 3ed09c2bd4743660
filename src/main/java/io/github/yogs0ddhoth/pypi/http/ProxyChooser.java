package io.github.yogs0ddhoth.pypi.http;

import java.net.URI;
import java.util.Optional;

/** Says which proxy, if any, a request to a URL goes through; the Maven side answers from settings.xml. */
@FunctionalInterface
public interface ProxyChooser {
    ProxyChooser NONE = target -> Optional.empty();

    Optional<ProxyConfig> proxyFor(URI target);
}
