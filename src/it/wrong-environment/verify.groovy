def index = context.get('index')
try {
    assert index.tokenRequests() == 1
    assert index.mintRequests() == 0
    assert index.uploads().isEmpty()
    def log = new File(basedir, 'build.log').text
    assert log.contains('environment')
    assert log.contains('release')
    assert log.contains('pypi')
} finally {
    index.stop()
}
true
