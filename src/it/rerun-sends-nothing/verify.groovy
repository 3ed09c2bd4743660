def index = context.get('index')
try {
    // Two uploads and one mint, all from the first run.
    assert index.uploads().size() == 2
    assert index.mintRequests() == 1
    def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/pypi-publish/report.json'))
    assert report.status == 'published'
    assert report.files*.outcome == ['already present', 'already present']
    def log = new File(basedir, 'build.log').text
    assert log.contains('Nothing to upload: the index already has every file of demo_pkg 1.0.0')
} finally {
    index.stop()
}
true
