import io.github.yogs0ddhoth.pypi.attest.AttestationScenario

// The fakes of a GitLab job; invoker.properties gives it PYPI_ID_TOKEN but, unlike attestations-gitlab, no
// SIGSTORE_ID_TOKEN.
AttestationScenario.gitLab(context, wiremockPort as int, basedir)
true
