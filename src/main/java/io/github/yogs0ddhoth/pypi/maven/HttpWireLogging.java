package io.github.yogs0ddhoth.pypi.maven;

/**
 * Keeps httpclient5's wire and header loggers quiet even under {@code mvn -X}. At debug level they print every
 * request header and body byte, which would put the Authorization header and the mint-token body (both secrets)
 * into the build log. Maven's SLF4J logger reads a logger's level from system properties when the logger is first
 * created, which happens when httpclient5's connection classes load, so this must run before the first HTTP client
 * is built.
 *
 * <p>Maven 3 reads {@code org.slf4j.simpleLogger.log.<name>}; Maven 4 reads {@code maven.logger.log.<name>} first
 * and falls back to the old key with a "deprecated property" warning on stderr. Setting both keeps every Maven
 * quiet without detecting which one runs. A level the user set explicitly, under either key, is left alone.
 */
final class HttpWireLogging {
    static final String[] LOGGERS = {"org.apache.hc.client5.http.wire", "org.apache.hc.client5.http.headers"};
    static final String MAVEN_3_PREFIX = "org.slf4j.simpleLogger.log.";
    static final String MAVEN_4_PREFIX = "maven.logger.log.";

    private HttpWireLogging() {}

    static void silence() {
        for (String logger : LOGGERS) {
            String maven3 = MAVEN_3_PREFIX + logger;
            String maven4 = MAVEN_4_PREFIX + logger;
            if (System.getProperty(maven3) == null && System.getProperty(maven4) == null) {
                System.setProperty(maven4, "info");
                System.setProperty(maven3, "info");
            }
        }
    }
}
