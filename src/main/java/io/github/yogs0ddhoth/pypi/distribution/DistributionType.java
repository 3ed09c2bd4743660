package io.github.yogs0ddhoth.pypi.distribution;

/** The two kinds of distribution PyPI accepts, with the value the upload form's {@code filetype} field takes. */
public enum DistributionType {
    WHEEL("bdist_wheel"),
    SDIST("sdist");

    private final String filetype;

    DistributionType(String filetype) {
        this.filetype = filetype;
    }

    /** The legacy upload API's {@code filetype} value: {@code bdist_wheel} or {@code sdist}. */
    public String filetype() {
        return filetype;
    }
}
