import io.github.yogs0ddhoth.pypi.attest.Attestation
import io.github.yogs0ddhoth.pypi.attest.AttestationVerifier
import io.github.yogs0ddhoth.pypi.attest.ExpectedPublisher
import io.github.yogs0ddhoth.pypi.testing.FakeIndex
import io.github.yogs0ddhoth.pypi.testing.SampleRelease
import java.security.MessageDigest

def index = context.get('index')
def sigstore = context.get('sigstore')
try {
    def uploads = index.uploads()
    assert uploads.collect { FakeIndex.contentFilename(it) } == [SampleRelease.WHEEL, SampleRelease.SDIST]
    assert sigstore.fulcioCalls.get() == 1
    assert sigstore.rekorCalls.get() == 2
    def verifier = new AttestationVerifier(sigstore.trustConfig())
    uploads.each { upload ->
        def name = FakeIndex.contentFilename(upload)
        def sha = MessageDigest.getInstance('SHA-256').digest(FakeIndex.content(upload)).encodeHex().toString()
        def field = FakeIndex.fieldMap(upload)['attestations']
        assert field != null && field.size() == 1
        assert field[0].startsWith('[{"version":1,')
        def written = new File(basedir, "target/pypi-publish/attestations/${name}.publish.attestation")
        assert written.isFile()
        def attestation = Attestation.parse(written.text)
        verifier.verify(attestation, name, sha, new ExpectedPublisher.GitHub('octo/demo', 'publish.yml'))
        assert field[0] == '[' + attestation.toJson() + ']'
    }
    def log = new File(basedir, 'build.log').text
    assert log.contains('Signed 2 PEP 740 attestation(s) as GitHub workflow octo/demo/.github/workflows/publish.yml')
    assert log.contains('https://search.sigstore.dev/?logIndex=')
    // -X: neither the Sigstore token nor any other secret shows, beyond the runner's mask commands.
    def withoutMasks = log.readLines().findAll { !it.startsWith('::add-mask::') }.join('\n')
    [context.get('sigstoreToken'), FakeIndex.REQUEST_TOKEN, FakeIndex.MINTED_TOKEN, index.idToken()].each {
        assert !withoutMasks.contains(it)
    }
    assert log.readLines().contains('::add-mask::' + context.get('sigstoreToken'))
    assert !log.contains('PRIVATE KEY')
} finally {
    index.stop()
    sigstore.close()
}
true
