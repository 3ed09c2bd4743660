package io.github.yogs0ddhoth.pypi.upload;

/** One text field of the upload form. Multi-valued metadata is sent as several fields with the same name. */
public record FormField(String name, String value) {}
