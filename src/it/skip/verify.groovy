def index = context.get('index')
try {
    assert index.requestCount() == 0
    assert new File(basedir, 'build.log').text.contains('Skipping PyPI publishing (pypi.skip=true)')
} finally {
    index.stop()
}
true
