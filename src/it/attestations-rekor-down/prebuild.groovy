import io.github.yogs0ddhoth.pypi.attest.AttestationScenario

// The fakes of a GitHub job that attests, but Rekor answers every request with 503.
def sigstore = AttestationScenario.gitHub(context, wiremockPort as int, basedir).sigstore()
sigstore.rekorFailStatus = 503
sigstore.rekorFailures.set(1000)
true
