import io.github.yogs0ddhoth.pypi.attest.AttestationScenario

// A fake metadata server and PyPI on the reserved port; a fake Fulcio and Rekor on another loopback port. The
// metadata server signs the service account's identity for the audience sigstore too, as Google's does.
AttestationScenario.google(context, wiremockPort as int, basedir)
true
