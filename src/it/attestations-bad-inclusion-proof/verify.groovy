import io.github.yogs0ddhoth.pypi.attest.AttestationScenario
import io.github.yogs0ddhoth.pypi.testing.SampleRelease

AttestationScenario.verify(context) { s ->
    s.assertStoppedBeforeUpload()
    s.assertMints(1)
    s.assertSigstoreCalls(1, 1) // the first file's entry fails the check; nothing more is logged
    s.assertLogShows('Rekor (' + s.sigstore().url() + ') answered with a log entry for ' + SampleRelease.WHEEL
            + ' that PyPI would refuse. Attestation check failed: the RFC 6962 inclusion proof.')
    s.assertLogLacks('Attested ' + SampleRelease.WHEEL)
    s.assertLogHidesSecrets()
}
true
