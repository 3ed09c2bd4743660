package io.github.yogs0ddhoth.pypi.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/** Rules every URL the plugin sends a secret to must follow. */
public final class Endpoints {
    private Endpoints() {}

    /**
     * Accepts {@code https://} anywhere and {@code http://} only for loopback hosts: a token sent over plain
     * HTTP to another machine could be read on the way, and the only honest use of plain HTTP is a local fake.
     *
     * @param what names the URL in the error message, e.g. "repositoryUrl"
     */
    public static URI requireSecure(URI uri, String what) {
        String shown = shown(uri);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException(what + " '" + shown + "' has no host. Expected an absolute URL such as"
                    + " https://upload.pypi.org/legacy/.");
        }
        if (scheme.equals("https")) {
            return uri;
        }
        if (scheme.equals("http")) {
            if (isLoopback(uri.getHost())) {
                return uri;
            }
            throw new IllegalArgumentException(what + " '" + shown + "' uses plain http:// to a host that is not"
                    + " loopback. Tokens would cross the network unencrypted. Use https://"
                    + hostAndPort(uri) + uri.getRawPath() + " (plain http:// is accepted only for"
                    + " localhost, 127.0.0.0/8 and ::1).");
        }
        throw new IllegalArgumentException(what + " '" + shown + "' has the scheme '" + uri.getScheme()
                + "'. Expected https:// (or http:// for a loopback host).");
    }

    /** True for names and literal addresses that can only mean this machine; no DNS lookup is made. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (!looksLikeLiteralAddress(h)) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Guards {@link InetAddress#getByName} so that it never resolves a name through DNS. */
    private static boolean looksLikeLiteralAddress(String h) {
        return h.matches("[0-9.]+") && h.chars().filter(c -> c == '.').count() == 3 || h.contains(":");
    }

    /**
     * The website that belongs to an index's upload URL: PyPI uploads to upload.pypi.org but shows projects,
     * publishers and its simple index on pypi.org; every other index serves all of it from its own origin.
     */
    public static String webOrigin(URI uploadUri) {
        String host = uploadUri.getHost() == null ? "" : uploadUri.getHost().toLowerCase(Locale.ROOT);
        return host.equals("upload.pypi.org") ? "https://pypi.org" : origin(uploadUri);
    }

    /**
     * A URL as it may be printed: any user name and password in it replaced by {@code ***}, so that credentials
     * pasted into a URL (or an environment variable holding one) never reach a log.
     */
    public static String shown(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri.toString();
        }
        return uri.toString().replace(uri.getRawUserInfo() + "@", "***@");
    }

    /** {@code scheme://host[:port]} of a URL, without credentials: for messages. */
    public static String shownOrigin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT) + "://";
        return scheme + hostAndPort(uri);
    }

    private static String hostAndPort(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost();
        return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
    }

    /** {@code scheme://authority} of a URL, without a trailing slash. */
    public static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority();
    }
}
