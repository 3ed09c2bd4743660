import static com.github.tomakehurst.wiremock.client.WireMock.*

import io.github.yogs0ddhoth.pypi.testing.FakeIndex
import io.github.yogs0ddhoth.pypi.testing.SampleRelease

def index = context.get('index')
def sigstore = context.get('sigstore')
try {
    def uploads = index.uploads()
    assert uploads.collect { FakeIndex.contentFilename(it) } == [SampleRelease.WHEEL, SampleRelease.SDIST]
    uploads.each { assert !FakeIndex.fieldMap(it).containsKey('attestations') }
    assert index.mintRequests() == 1
    // The token endpoint was asked for the index's audience only, never for sigstore.
    def tokenRequests = index.server().findAll(getRequestedFor(urlPathEqualTo('/idtoken')))
    assert tokenRequests.collect { it.queryParameter('audience').firstValue() } == ['pypi']
    assert sigstore.fulcioCalls.get() == 0
    assert sigstore.rekorCalls.get() == 0
    assert !new File(basedir, 'target/pypi-publish/attestations').exists()
    def log = new File(basedir, 'build.log').text
    assert log.contains('No PEP 740 attestations: pypi.attestations=false.')
    assert !log.contains('search.sigstore.dev')
    assert log.contains('Published 2 file(s)')
} finally {
    index.stop()
    sigstore.close()
}
true
