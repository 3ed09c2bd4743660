import io.github.yogs0ddhoth.pypi.attest.AttestationScenario

AttestationScenario.verify(context) { s ->
    s.assertStoppedBeforeUpload()
    s.assertSigstoreCalls(1, 2) // the first try and one retry (pypi.retries=1), then nothing more
    s.assertLogShows('Rekor refused the log entry', '503')
    s.assertLogHidesSecrets()
}
true
