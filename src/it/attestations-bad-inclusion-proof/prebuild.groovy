import io.github.yogs0ddhoth.pypi.attest.AttestationScenario

// The fakes of a GitHub job that attests, but Rekor sends inclusion proofs that do not lead to its root.
AttestationScenario.gitHub(context, wiremockPort as int, basedir).sigstore().corruptProof = true
true
