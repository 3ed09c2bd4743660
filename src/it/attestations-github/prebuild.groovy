import io.github.yogs0ddhoth.pypi.attest.AttestationScenario

// A fake GitHub token endpoint (for the audiences pypi and sigstore) and PyPI on the reserved port; a fake Fulcio
// and Rekor on another loopback port.
AttestationScenario.gitHub(context, wiremockPort as int, basedir)
true
