import io.github.yogs0ddhoth.pypi.attest.AttestationScenario
import io.github.yogs0ddhoth.pypi.attest.ExpectedPublisher

AttestationScenario.verify(context) { s ->
    s.assertAttested(new ExpectedPublisher.GitHub('octo/demo', 'publish.yml'))
    s.assertLogShows('Signed 2 PEP 740 attestation(s) as GitHub workflow octo/demo/.github/workflows/publish.yml')
    // -X: neither the Sigstore token nor any other secret shows, beyond the runner's mask commands.
    s.assertLogHidesSecrets()
    s.assertLogHasLine('::add-mask::' + s.sigstoreToken())
}
true
