def index = context.get('index')
try {
    assert index.requestCount() == 0
    assert new File(basedir, 'build.log').text.contains('Cannot publish to PyPI while Maven is offline (-o)')
} finally {
    index.stop()
}
true
