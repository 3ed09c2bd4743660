package io.github.yogs0ddhoth.pypi.maven;

/**
 * Keeps httpclient5's wire and header loggers quiet even under {@code mvn -X}. At debug level they print every
 * request header and body byte, which would put the Authorization header and the mint-token body (both secrets)
 * into the build log. Maven's SLF4J logger reads a logger's level from these system properties when the logger
 * is first created, which happens when httpclient5's connection classes load, so this must run before the first
 * HTTP client is built. A level the user set explicitly is left alone.
 */
final class HttpWireLogging {
    private static final String[] LOGGERS = {"org.apache.hc.client5.http.wire", "org.apache.hc.client5.http.headers"};

    private HttpWireLogging() {}

    static void silence() {
        for (String logger : LOGGERS) {
            String key = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(key) == null) {
                System.setProperty(key, "info");
            }
        }
    }
}
