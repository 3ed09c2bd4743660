def index = context.get('index')
try {
    assert index.uploads().isEmpty()
    assert index.mintRequests() == 0
    assert new File(basedir, 'build.log').text.contains("has the scheme 'ftp'")
} finally {
    index.stop()
}
true
