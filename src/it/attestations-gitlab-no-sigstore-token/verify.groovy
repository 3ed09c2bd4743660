import io.github.yogs0ddhoth.pypi.attest.AttestationScenario

AttestationScenario.verify(context) { s ->
    s.assertInvokerEnvironment('PYPI_ID_TOKEN', s.index().gitLabIdToken())
    s.assertInvokerEnvironment('SIGSTORE_ID_TOKEN', null)
    s.assertStoppedBeforeUpload()
    s.assertSigstoreUntouched()
    // The id_tokens entry to add beside the index's, as YAML lines of the error, and the way out.
    def lines = s.log().readLines().collect { it.replaceFirst(/^\[ERROR\] ?/, '') }
    def at = lines.findIndexOf { it.trim() == 'id_tokens:' }
    assert at >= 0
    assert lines[(at + 1)..(at + 4)]*.trim() == ['PYPI_ID_TOKEN:', 'aud: pypi', 'SIGSTORE_ID_TOKEN:', 'aud: sigstore']
    s.assertLogShows('the variable SIGSTORE_ID_TOKEN is not set')
    s.assertLogLacks('rename it to SIGSTORE_ID_TOKEN') // the index's token stays as it is
    s.assertLogHidesSecrets()
}
true
