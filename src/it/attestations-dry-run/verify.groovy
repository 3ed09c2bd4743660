import static com.github.tomakehurst.wiremock.client.WireMock.*

import io.github.yogs0ddhoth.pypi.testing.SampleRelease

def index = context.get('index')
def sigstore = context.get('sigstore')
try {
    assert index.uploads().isEmpty()
    assert index.mintRequests() == 0
    // The dry run checks the index's ID token and fetches the Sigstore one (no public record), but signs nothing.
    def tokenRequests = index.server().findAll(getRequestedFor(urlPathEqualTo('/idtoken')))
    assert tokenRequests.collect { it.queryParameter('audience').firstValue() } == ['pypi', 'sigstore']
    assert sigstore.fulcioCalls.get() == 0
    assert sigstore.rekorCalls.get() == 0
    assert !new File(basedir, 'target/pypi-publish/attestations').exists()
    def log = new File(basedir, 'build.log').text
    assert log.contains('BUILD SUCCESS')
    assert log.contains('Dry run: 2 file(s) of')
    assert log.contains('each file would get a PEP 740 attestation signed as GitHub workflow')
    assert log.contains('(a Fulcio certificate and a public Rekor entry); none was made')
    assert log.contains('Nothing was uploaded')
    assert !log.contains('search.sigstore.dev')
} finally {
    index.stop()
    sigstore.close()
}
true
