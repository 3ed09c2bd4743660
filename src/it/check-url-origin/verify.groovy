import io.github.yogs0ddhoth.pypi.testing.FakeIndex
import io.github.yogs0ddhoth.pypi.testing.SampleRelease

def index = context.get('index')
try {
    def names = index.uploads().collect { FakeIndex.contentFilename(it) }
    assert names == [SampleRelease.SDIST]
    def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/pypi-publish/report.json'))
    assert report.status == 'published'
    assert report.files*.outcome == ['already present', 'uploaded']
    assert new File(basedir, 'build.log').text.contains('/simple/')
} finally {
    index.stop()
}
true
