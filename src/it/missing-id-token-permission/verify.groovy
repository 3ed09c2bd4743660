def index = context.get('index')
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('ACTIONS_ID_TOKEN_REQUEST_URL is not set')
    assert log.contains('id-token: write')
    assert index.uploads().isEmpty()
    assert index.mintRequests() == 0
} finally {
    index.stop()
}
true
