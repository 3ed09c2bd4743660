import static com.github.tomakehurst.wiremock.client.WireMock.*

import io.github.yogs0ddhoth.pypi.attest.Attestation
import io.github.yogs0ddhoth.pypi.attest.AttestationVerifier
import io.github.yogs0ddhoth.pypi.attest.ExpectedPublisher
import io.github.yogs0ddhoth.pypi.testing.FakeIndex
import io.github.yogs0ddhoth.pypi.testing.SampleRelease
import java.security.MessageDigest

def index = context.get('index')
def sigstore = context.get('sigstore')
def sigstoreToken = context.get('sigstoreToken')
def email = 'publisher@octo-project.iam.gserviceaccount.com'
try {
    def uploads = index.uploads()
    assert uploads.collect { FakeIndex.contentFilename(it) } == [SampleRelease.WHEEL, SampleRelease.SDIST]
    assert index.mintRequests() == 1
    // One identity for the index, one for Sigstore.
    def identities = index.server().findAll(getRequestedFor(urlPathEqualTo(FakeIndex.METADATA_IDENTITY)))
    assert identities.collect { it.queryParameter('audience').firstValue() }.sort() == ['pypi', 'sigstore']
    assert identities.every { it.queryParameter('format').firstValue() == 'full' }
    assert sigstore.fulcioCalls.get() == 1
    assert sigstore.rekorCalls.get() == 2
    assert sigstore.authorizations == ['Bearer ' + sigstoreToken]
    def verifier = new AttestationVerifier(sigstore.trustConfig())
    def publisher = new ExpectedPublisher.Google(email)
    uploads.each { upload ->
        def name = FakeIndex.contentFilename(upload)
        def sha = MessageDigest.getInstance('SHA-256').digest(FakeIndex.content(upload)).encodeHex().toString()
        def field = FakeIndex.fieldMap(upload)['attestations']
        assert field != null && field.size() == 1
        def written = new File(basedir, "target/pypi-publish/attestations/${name}.publish.attestation")
        assert written.isFile()
        def attestation = Attestation.parse(written.text)
        assert verifier.verify(attestation, name, sha, publisher).identity().sanEmails() == [email]
        assert field[0] == '[' + attestation.toJson() + ']'
    }
    def log = new File(basedir, 'build.log').text
    assert log.contains('Trusted publishing from Google Cloud')
    assert log.contains('Signed 2 PEP 740 attestation(s) as Google service account ' + email)
    assert log.contains('https://search.sigstore.dev/?logIndex=')
    [sigstoreToken, index.googleIdToken(), FakeIndex.MINTED_TOKEN].each { assert !log.contains(it) }
    assert !log.contains('PRIVATE KEY')
} finally {
    index.stop()
    sigstore.close()
}
true
