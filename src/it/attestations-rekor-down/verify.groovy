import io.github.yogs0ddhoth.pypi.testing.FakeIndex

def index = context.get('index')
def sigstore = context.get('sigstore')
try {
    assert index.uploads().isEmpty()
    assert sigstore.fulcioCalls.get() == 1
    assert sigstore.rekorCalls.get() == 2 // the first try and one retry (pypi.retries=1), then nothing more
    def log = new File(basedir, 'build.log').text
    assert log.contains('Rekor refused the log entry')
    assert log.contains('503')
    assert log.contains('Nothing was uploaded')
    assert log.contains('-Dpypi.attestations=false')
    def withoutMasks = log.readLines().findAll { !it.startsWith('::add-mask::') }.join('\n')
    assert !withoutMasks.contains(context.get('sigstoreToken'))
} finally {
    index.stop()
    sigstore.close()
}
true
