import io.github.yogs0ddhoth.pypi.testing.FakeIndex

def index = context.get('index')
try {
    assert index.uploads().size() == 2
    def lines = new File(basedir, 'build.log').readLines()
    assert lines.any { it.startsWith('[DEBUG]') }
    // The name was seen and reported, escaped.
    assert lines.any { it.contains('evil\\n::stop-commands::x\\n.tar.gz') }
    // No line but the plugin's own starts a workflow command.
    assert !lines.any { it.startsWith('::stop-commands::') }
    assert !lines.any { it.stripLeading().startsWith('::') && !it.startsWith('::add-mask::') && !it.startsWith('::warning title=') && !it.startsWith('::error title=') }
    def basic = ('__token__:' + FakeIndex.MINTED_TOKEN).bytes.encodeBase64().toString()
    [FakeIndex.REQUEST_TOKEN, FakeIndex.MINTED_TOKEN, index.idToken(), basic].each {
        assert lines.contains('::add-mask::' + it): "no ::add-mask:: line for a secret"
    }
    def rest = lines.findAll { !it.startsWith('::add-mask::') }.join('\n')
    [FakeIndex.REQUEST_TOKEN, FakeIndex.MINTED_TOKEN, index.idToken(), basic].each { secret ->
        assert !rest.contains(secret): "a secret leaked into build.log"
    }
} finally {
    index.stop()
}
true
