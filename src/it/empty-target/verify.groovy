def index = context.get('index')
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains(new File(basedir, 'target').canonicalFile.name)
    assert log.contains('**/*.whl')
    assert log.contains('**/*.tar.gz')
    assert index.requestCount() == 0
} finally {
    index.stop()
}
true
