import io.github.yogs0ddhoth.pypi.attest.AttestationScenario
import io.github.yogs0ddhoth.pypi.attest.ExpectedPublisher
import io.github.yogs0ddhoth.pypi.attest.FakeSigstore

AttestationScenario.verify(context) { s ->
    // The tokens in invoker.properties are the fakes' own; a change to either fake must be copied there.
    s.assertInvokerEnvironment('PYPI_ID_TOKEN', s.index().gitLabIdToken())
    s.assertInvokerEnvironment('SIGSTORE_ID_TOKEN', FakeSigstore.gitLabToken())
    assert s.index().tokenRequests() == 0
    def verified = s.assertAttested(new ExpectedPublisher.GitLab('octo-group/octo-project', '.gitlab-ci.yml'))
    verified.each {
        assert it.identity().sanUris() == ['https://gitlab.com/octo-group/octo-project//.gitlab-ci.yml@refs/tags/v1.0.0']
    }
    s.assertLogShows('Trusted publishing from GitLab',
            'Signed 2 PEP 740 attestation(s) as GitLab pipeline gitlab.com/octo-group/octo-project//.gitlab-ci.yml')
    s.assertLogHidesSecrets()
}
true
