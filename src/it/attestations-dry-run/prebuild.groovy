import io.github.yogs0ddhoth.pypi.attest.AttestationScenario

// The fakes of a GitHub job that could attest: a dry run fetches the Sigstore ID token, but asks neither Fulcio
// nor Rekor.
AttestationScenario.gitHub(context, wiremockPort as int, basedir)
true
