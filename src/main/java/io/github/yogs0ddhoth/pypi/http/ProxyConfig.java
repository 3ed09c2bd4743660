package io.github.yogs0ddhoth.pypi.http;

/**
 * An HTTP proxy to reach a host through, with its credentials if it needs any.
 *
 * @param username null when the proxy needs no authentication
 */
public record ProxyConfig(String host, int port, String username, String password) {
    @Override
    public String toString() {
        return "ProxyConfig[" + host + ":" + port + (username == null ? "" : ", user=" + username + ", password=***")
                + "]";
    }
}
