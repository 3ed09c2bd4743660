import io.github.yogs0ddhoth.pypi.testing.FakeIndex

def index = context.get('index')
def sigstore = context.get('sigstore')
try {
    def props = new Properties()
    new File(basedir, 'invoker.properties').withInputStream { props.load(it) }
    assert props.getProperty('invoker.environmentVariables.PYPI_ID_TOKEN') == index.gitLabIdToken()

    assert index.uploads().isEmpty()
    assert sigstore.fulcioCalls.get() == 0
    assert sigstore.rekorCalls.get() == 0
    def log = new File(basedir, 'build.log').text
    assert log.contains('BUILD FAILURE')
    // The id_tokens entry to add beside the index's, as YAML lines of the error, and the way out.
    def lines = log.readLines().collect { it.replaceFirst(/^\[ERROR\] ?/, '') }
    def at = lines.findIndexOf { it.trim() == 'id_tokens:' }
    assert at >= 0
    assert lines[(at + 1)..(at + 4)]*.trim() == ['PYPI_ID_TOKEN:', 'aud: pypi', 'SIGSTORE_ID_TOKEN:', 'aud: sigstore']
    assert log.contains('the variable SIGSTORE_ID_TOKEN is not set')
    assert !log.contains('rename it to SIGSTORE_ID_TOKEN') // the index's token stays as it is
    assert log.contains('Nothing was uploaded')
    assert log.contains('-Dpypi.attestations=false')
    assert !new File(basedir, 'target/pypi-publish/attestations').exists()
    assert !log.contains(index.gitLabIdToken())
    assert !log.contains(FakeIndex.MINTED_TOKEN)
} finally {
    index.stop()
    sigstore.close()
}
true
