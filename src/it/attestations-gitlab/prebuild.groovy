import io.github.yogs0ddhoth.pypi.attest.AttestationScenario

// A fake PyPI on the reserved port (it mints for FakeIndex.gitLabIdToken()); a fake Fulcio and Rekor on another
// loopback port. GitLab has no token endpoint: both ID tokens come in through invoker.properties.
AttestationScenario.gitLab(context, wiremockPort as int, basedir)
true
