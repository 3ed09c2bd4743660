import io.github.yogs0ddhoth.pypi.attest.Attestation
import io.github.yogs0ddhoth.pypi.attest.AttestationVerifier
import io.github.yogs0ddhoth.pypi.attest.ExpectedPublisher
import io.github.yogs0ddhoth.pypi.attest.FakeSigstore
import io.github.yogs0ddhoth.pypi.testing.FakeIndex
import io.github.yogs0ddhoth.pypi.testing.SampleRelease
import java.security.MessageDigest

def index = context.get('index')
def sigstore = context.get('sigstore')
try {
    // The tokens in invoker.properties are the fakes' own; a change to either fake must be copied there.
    def props = new Properties()
    new File(basedir, 'invoker.properties').withInputStream { props.load(it) }
    def sigstoreToken = props.getProperty('invoker.environmentVariables.SIGSTORE_ID_TOKEN')
    assert sigstoreToken == FakeSigstore.gitLabToken()
    assert props.getProperty('invoker.environmentVariables.PYPI_ID_TOKEN') == index.gitLabIdToken()

    def uploads = index.uploads()
    assert uploads.collect { FakeIndex.contentFilename(it) } == [SampleRelease.WHEEL, SampleRelease.SDIST]
    assert index.mintRequests() == 1
    assert index.tokenRequests() == 0
    assert sigstore.fulcioCalls.get() == 1
    assert sigstore.rekorCalls.get() == 2
    assert sigstore.authorizations == ['Bearer ' + sigstoreToken]
    def verifier = new AttestationVerifier(sigstore.trustConfig())
    def publisher = new ExpectedPublisher.GitLab('octo-group/octo-project', '.gitlab-ci.yml')
    uploads.each { upload ->
        def name = FakeIndex.contentFilename(upload)
        def sha = MessageDigest.getInstance('SHA-256').digest(FakeIndex.content(upload)).encodeHex().toString()
        def field = FakeIndex.fieldMap(upload)['attestations']
        assert field != null && field.size() == 1
        def written = new File(basedir, "target/pypi-publish/attestations/${name}.publish.attestation")
        assert written.isFile()
        def attestation = Attestation.parse(written.text)
        def verified = verifier.verify(attestation, name, sha, publisher)
        assert verified.identity().sanUris() ==
                ['https://gitlab.com/octo-group/octo-project//.gitlab-ci.yml@refs/tags/v1.0.0']
        assert field[0] == '[' + attestation.toJson() + ']'
    }
    def log = new File(basedir, 'build.log').text
    assert log.contains('Trusted publishing from GitLab')
    assert log.contains('Signed 2 PEP 740 attestation(s) as GitLab pipeline'
            + ' gitlab.com/octo-group/octo-project//.gitlab-ci.yml')
    assert log.contains('https://search.sigstore.dev/?logIndex=')
    [sigstoreToken, index.gitLabIdToken(), FakeIndex.MINTED_TOKEN].each { assert !log.contains(it) }
    assert !log.contains('PRIVATE KEY')
} finally {
    index.stop()
    sigstore.close()
}
true
