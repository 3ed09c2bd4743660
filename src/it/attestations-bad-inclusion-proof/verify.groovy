import io.github.yogs0ddhoth.pypi.testing.FakeIndex
import io.github.yogs0ddhoth.pypi.testing.SampleRelease

def index = context.get('index')
def sigstore = context.get('sigstore')
try {
    assert index.uploads().isEmpty()
    assert index.mintRequests() == 1
    assert sigstore.fulcioCalls.get() == 1
    assert sigstore.rekorCalls.get() == 1 // the first file's entry fails the check; nothing more is logged
    def log = new File(basedir, 'build.log').text
    assert log.contains('BUILD FAILURE')
    assert log.contains("Rekor (${sigstore.url()}) answered with a log entry for ${SampleRelease.WHEEL} that PyPI"
            + ' would refuse. Attestation check failed: the RFC 6962 inclusion proof.')
    assert log.contains('Nothing was uploaded')
    assert log.contains('-Dpypi.attestations=false')
    assert !log.contains("Attested ${SampleRelease.WHEEL}")
    assert !new File(basedir, 'target/pypi-publish/attestations').exists()
    def withoutMasks = log.readLines().findAll { !it.startsWith('::add-mask::') }.join('\n')
    [context.get('sigstoreToken'), FakeIndex.MINTED_TOKEN].each { assert !withoutMasks.contains(it) }
} finally {
    index.stop()
    sigstore.close()
}
true
