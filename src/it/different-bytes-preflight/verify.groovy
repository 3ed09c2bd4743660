import io.github.yogs0ddhoth.pypi.testing.SampleRelease
import io.github.yogs0ddhoth.pypi.testing.StoredFiles

def index = context.get('index')
try {
    assert index.uploads().isEmpty()
    assert index.mintRequests() == 0
    def log = new File(basedir, 'build.log').text
    assert log.contains('Nothing was uploaded')
    assert log.contains('index sha256 ' + 'f' * 64)
    assert log.contains('local sha256 ' + StoredFiles.sha256Of(new File(basedir, "target/${SampleRelease.WHEEL}").toPath()))
    def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/pypi-publish/report.json'))
    assert report.status == 'failed'
} finally {
    index.stop()
}
true
