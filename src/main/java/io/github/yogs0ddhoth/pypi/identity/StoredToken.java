package io.github.yogs0ddhoth.pypi.identity;

/**
 * A long-lived PyPI credential found within the build's reach. Only where it was found is kept: never its value.
 *
 * @param source where: an environment variable or a settings.xml server
 * @param name   the variable's name or the server's id
 * @param why    what gave it away, e.g. "a variable twine reads as the upload password"
 */
record StoredToken(Source source, String name, String why) {
    public enum Source {
        ENVIRONMENT_VARIABLE("environment variable"),
        SETTINGS_SERVER("settings.xml <server>");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** e.g. {@code environment variable TWINE_PASSWORD: a variable twine reads as the upload password}. */
    public String describe() {
        return source.label() + " " + name + ": " + why;
    }
}
