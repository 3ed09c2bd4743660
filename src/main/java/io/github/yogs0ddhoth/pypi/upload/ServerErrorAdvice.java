package io.github.yogs0ddhoth.pypi.upload;

import java.util.List;
import java.util.Locale;

/** Maps the messages PyPI's upload endpoint is known to send to their cause and the fix. */
final class ServerErrorAdvice {
    private record Rule(String fragment, String advice) {}

    private static final List<Rule> RULES = List.of(
            new Rule("file already exists",
                    "A file with this name (or these exact bytes under another name) is already on the index, and"
                            + " PyPI never lets a filename be reused. Bump the version and publish again."),
            new Rule("previously used by a file that has since been deleted",
                    "Deleted filenames can never be reused on PyPI. Publish under a new version."),
            new Rule("invalid api token",
                    "The minted upload token was refused: it expired (they last 15 minutes) or is not scoped to"
                            + " this project. Re-run the job; check the project name matches the trusted publisher."),
            new Rule("invalid or non-existent authentication",
                    "The index did not accept the upload token. Check that repositoryUrl and the OIDC endpoints"
                            + " are on the same index."),
            new Rule("isn't allowed to upload",
                    "The trusted publisher is not registered for this project name. Check the Name in your"
                            + " metadata against the project on PyPI."),
            new Rule("non-user identities cannot create new projects",
                    "The project does not exist yet and no pending publisher matched its name. Register a pending"
                            + " publisher for exactly this project name: https://pypi.org/manage/account/publishing/"),
            new Rule("file too large",
                    "Files over 100 MB need a size-limit increase: https://docs.pypi.org/project-management/"
                            + "storage-limits#requesting-a-file-size-limit-increase"),
            new Rule("project size too large",
                    "The project exceeds its total size limit; delete old releases or request an increase."),
            new Rule("unsupported platform tag",
                    "PyPI accepts only portable platform tags. Repair Linux wheels with auditwheel so they carry a"
                            + " manylinux or musllinux tag instead of linux_x86_64."),
            new Rule("zip archive not accepted",
                    "The wheel's ZIP framing is rejected (often a data descriptor written by a Java zip tool)."
                            + " See https://docs.pypi.org/archives"),
            new Rule("only one sdist may be uploaded per release",
                    "This release already has an sdist. Publish only one .tar.gz per version."),
            new Rule("releases older than 14 days",
                    "Files cannot be added to a release older than 14 days. Publish a new version."),
            new Rule("description failed to render",
                    "Fix the long description's markup, or set Description-Content-Type (e.g. text/markdown)."),
            new Rule("ssl is required",
                    "The index requires HTTPS. Use an https:// repositoryUrl."),
            new Rule("upload payload does not have a file",
                    "The request body was cut short; a proxy may be stripping it. Retry."),
            new Rule("the digest supplied does not match",
                    "The file changed between hashing and upload, or something altered it in transit. Retry."),
            new Rule("too many new projects created",
                    "The project does not exist on the index yet, and PyPI limits how many new projects one user"
                            + " or one IP address may create (by default 20 an hour per user, 40 per IP; CI runners"
                            + " share IPs). Retrying at once cannot help: wait an hour and publish again; files"
                            + " already on the index are recognised."),
            new Rule("start filename for",
                    "The filename's project name does not match the Name in the metadata."),
            new Rule("should contain the normalized project name",
                    "Rename the file with the normalised name: lowercase, with '_' for '-' and '.'."),
            new Rule("version in filename should be",
                    "The filename's version does not match the Version in the metadata."),
            new Rule("is invalid, should be",
                    "sdists must be named {normalized_name}-{version}.tar.gz (PEP 625)."),
            new Rule("uploads are temporarily disabled",
                    "PyPI has paused uploads. Check https://status.python.org/ and retry later."));

    private ServerErrorAdvice() {}

    static String adviceFor(int status, String serverMessage) {
        String m = serverMessage == null ? "" : serverMessage.toLowerCase(Locale.ROOT);
        for (Rule rule : RULES) {
            if (m.contains(rule.fragment())) {
                return rule.advice();
            }
        }
        if (status == 429) {
            return "The index is rate-limiting requests. Wait and retry.";
        }
        if (status == 405) {
            return "The URL does not accept uploads: is repositoryUrl the simple index instead of the upload URL"
                    + " (https://upload.pypi.org/legacy/)?";
        }
        if (status >= 500) {
            return "The index had an internal error. Retry later and check https://status.python.org/.";
        }
        if (status == 400) {
            return "PyPI rejected the file's metadata or contents; the message above says which. Fix the"
                    + " distribution and publish under a new version if any file of this one was accepted.";
        }
        return null;
    }
}
