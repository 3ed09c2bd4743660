def index = context.get('index')
try {
    assert index.tokenRequests() == 1
    assert index.mintRequests() == 0
    assert index.uploads().isEmpty()
    def log = new File(basedir, 'build.log').text
    assert log.contains('release.yml')
    assert log.contains('publish.yml')
    assert log.contains('BUILD FAILURE')
} finally {
    index.stop()
}
true
