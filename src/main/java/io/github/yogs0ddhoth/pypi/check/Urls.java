package io.github.yogs0ddhoth.pypi.check;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a Home-page, Download-URL or Project-URL value is a URL PyPI accepts.
 *
 * <p>PyPI checks these with {@code rfc3986} after normalising them, which in practice requires only an {@code http} or
 * {@code https} scheme and, if an authority has a port of up to five digits, a port no greater than 65535 (spaces and
 * other odd characters pass). Checking more would refuse URLs PyPI accepts; checking less would let a
 * {@code git+https:} or {@code mailto:} value through that PyPI refuses.
 */
final class Urls {

    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Pattern PORT = Pattern.compile("//(?:[^/?#@]*@)?(?:\\[[^\\]]*\\]|[^/?#:\\[]*):([0-9]{1,5})(?:[/?#]|$)");
    private static final int MAX_PORT = 65535;

    private Urls() {}

    static boolean isValid(String url) {
        Matcher scheme = SCHEME.matcher(url);
        if (!scheme.lookingAt()) {
            return false;
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        if (!name.equals("http") && !name.equals("https")) {
            return false;
        }
        Matcher port = PORT.matcher(url).region(scheme.end(), url.length());
        return !port.lookingAt() || Integer.parseInt(port.group(1)) <= MAX_PORT;
    }
}
