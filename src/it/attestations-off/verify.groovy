import io.github.yogs0ddhoth.pypi.attest.AttestationScenario
import io.github.yogs0ddhoth.pypi.testing.FakeIndex
import io.github.yogs0ddhoth.pypi.testing.SampleRelease

AttestationScenario.verify(context) { s ->
    def uploads = s.assertUploaded(SampleRelease.WHEEL, SampleRelease.SDIST)
    uploads.each { assert !FakeIndex.fieldMap(it).containsKey('attestations') }
    s.assertMints(1)
    // The token endpoint was asked for the index's audience only, never for sigstore.
    s.assertIdTokenAudiences('pypi')
    s.assertSigstoreUntouched()
    s.assertLogShows('No PEP 740 attestations: pypi.attestations=false.', 'Published 2 file(s)')
    s.assertLogHidesSecrets()
}
true
