import io.github.yogs0ddhoth.pypi.testing.FakeIndex

def index = context.get('index')
try {
    assert index.uploads().size() == 2
    def log = new File(basedir, 'build.log').text
    // -X really was on, httpclient5 included.
    assert log.contains('[DEBUG]')
    assert log.contains('org.apache.hc.client5') || log.contains('ex-')
    // Each secret was masked, on a line of its own, before use.
    [FakeIndex.REQUEST_TOKEN, FakeIndex.MINTED_TOKEN, index.idToken()].each {
        assert log.readLines().contains('::add-mask::' + it)
    }
    def basic = ('__token__:' + FakeIndex.MINTED_TOKEN).bytes.encodeBase64().toString()
    def rest = log.readLines().findAll { !it.startsWith('::add-mask::') }.join('\n')
    [FakeIndex.REQUEST_TOKEN, FakeIndex.MINTED_TOKEN, index.idToken(), basic].each { secret ->
        assert !rest.contains(secret): "a secret leaked into build.log"
    }
    assert !rest.contains('Authorization: Basic')
    assert !rest.contains('Authorization: bearer')
} finally {
    index.stop()
}
true
