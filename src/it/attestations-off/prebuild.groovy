import io.github.yogs0ddhoth.pypi.attest.AttestationScenario

// The fakes of a GitHub job that could attest: with attestations off, the Sigstore ones must stay unasked.
AttestationScenario.gitHub(context, wiremockPort as int, basedir)
true
