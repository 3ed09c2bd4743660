package io.github.yogs0ddhoth.pypi.policy;

import io.github.yogs0ddhoth.pypi.policy.WorkflowLocator.CiFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The located CI files and their YAML, each file parsed once whichever CI's flow asks first; a file that does not
 * parse becomes one {@code workflow-parses} failure.
 */
final class CiDocuments {
    final CiFiles files;
    private final PolicyFindings out;
    private final Map<Path, YamlNode> parsed = new HashMap<>();

    CiDocuments(CiFiles files, PolicyFindings out) {
        this.files = files;
        this.out = out;
    }

    /**
     * " (X does, differing only in case ...)" when {@code relative} names no file but would on a case-insensitive
     * disk: the likeliest slip, and one Windows and macOS hide. Empty otherwise.
     */
    String caseHint(String relative) {
        String twin = files.root() == null ? null : WorkflowLocator.caseTwin(files.root(), relative);
        return twin == null ? "" : " (" + twin + " does, differing only in case: GitHub, GitLab and PyPI compare"
                + " the path exactly, on every OS)";
    }

    /** A declared workflow path as it is compared: without a leading {@code ./} or {@code /}. */
    static String normalise(String workflow) {
        // A path pasted on Windows uses backslashes; GitHub and GitLab paths use '/'.
        String w = workflow.replace('\\', '/');
        while (w.startsWith("./") || w.startsWith("/")) {
            w = w.substring(w.startsWith("./") ? 2 : 1);
        }
        return w;
    }

    /** The file's root mapping, or null when it is not one (reported once). */
    YamlNode parse(Path f, String d, String text) {
        if (parsed.containsKey(f)) {
            return parsed.get(f);
        }
        YamlNode root = null;
        try {
            YamlNode n = YamlReader.read(text);
            if (n.isMap()) {
                root = n;
            } else {
                out.add(new PolicyResult(PolicyRule.WORKFLOW_PARSES, PolicyResult.Status.FAIL, d, n.line(), null,
                        "The file is not a YAML mapping.", "Fix the file: a CI definition is a mapping of keys."));
            }
        } catch (YamlReader.YamlException e) {
            out.add(new PolicyResult(PolicyRule.WORKFLOW_PARSES, PolicyResult.Status.FAIL, d, e.line(), null,
                    "Not valid YAML: " + e.getMessage(), "Fix the YAML syntax at the line shown."));
        }
        parsed.put(f, root);
        return root;
    }

    YamlNode parse(Path f) {
        if (parsed.containsKey(f)) {
            return parsed.get(f);
        }
        try {
            return parse(f, files.display(f), Files.readString(f, StandardCharsets.UTF_8));
        } catch (IOException e) {
            parsed.put(f, null);
            return null;
        }
    }
}
