import io.github.yogs0ddhoth.pypi.testing.FakeIndex
import io.github.yogs0ddhoth.pypi.testing.SampleRelease

def index = context.get('index')
try {
    def reportFile = new File(basedir, 'target/pypi-publish/report.json')
    def report = new groovy.json.JsonSlurper().parse(reportFile)
    assert report.status == 'published'
    assert report.project == 'demo_pkg'
    assert report.version == '1.0.0'
    assert report.releaseUrl == "http://127.0.0.1:${wiremockPort}/project/demo_pkg/1.0.0/"
    assert report.files*.filename == [SampleRelease.WHEEL, SampleRelease.SDIST]
    assert report.files*.outcome == ['uploaded', 'uploaded']
    assert report.files.every { it.sha256 ==~ /[0-9a-f]{64}/ && it.blake2_256 ==~ /[0-9a-f]{64}/ }
    def summary = new File(basedir, 'target/step-summary.md').text
    assert summary.contains('### PyPI: Published demo_pkg 1.0.0')
    assert summary.contains("| `${SampleRelease.WHEEL}` |")
    def outputs = new File(basedir, 'target/step-output.txt').text
    assert outputs.contains("release-url=http://127.0.0.1:${wiremockPort}/project/demo_pkg/1.0.0/")
    assert outputs.contains(report.files[0].sha256 + '  ' + SampleRelease.WHEEL)
    [reportFile.text, summary, outputs].each { text ->
        [FakeIndex.REQUEST_TOKEN, FakeIndex.MINTED_TOKEN, index.idToken()].each { assert !text.contains(it) }
    }
} finally {
    index.stop()
}
true
