import io.github.yogs0ddhoth.pypi.attest.AttestationScenario

AttestationScenario.verify(context) { s ->
    s.assertNothingUploaded()
    s.assertMints(0)
    // The dry run checks the index's ID token and fetches the Sigstore one (no public record), but signs nothing.
    s.assertIdTokenAudiences('pypi', 'sigstore')
    s.assertSigstoreUntouched()
    s.assertLogShows('BUILD SUCCESS', 'Dry run: 2 file(s) of', 'Nothing was uploaded',
            'each file would get a PEP 740 attestation signed as GitHub workflow',
            '(a Fulcio certificate and a public Rekor entry); none was made')
    s.assertLogHidesSecrets()
}
true
