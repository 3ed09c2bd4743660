import io.github.yogs0ddhoth.pypi.testing.FakeIndex
import io.github.yogs0ddhoth.pypi.testing.SampleRelease
import io.github.yogs0ddhoth.pypi.testing.StoredFiles

def index = context.get('index')
try {
    def stored = index.stored().files('demo-pkg')
    assert stored.keySet() == [SampleRelease.WHEEL, SampleRelease.SDIST] as Set
    assert stored[SampleRelease.WHEEL] == StoredFiles.sha256Of(new File(basedir, "target/${SampleRelease.WHEEL}").toPath())
    assert stored[SampleRelease.SDIST] == StoredFiles.sha256Of(new File(basedir, "target/${SampleRelease.SDIST}").toPath())
    // First run: wheel + failed sdist; rerun: the preflight finds the wheel, so only the sdist is sent again.
    def names = index.uploads().collect { FakeIndex.contentFilename(it) }
    assert names.count { it == SampleRelease.SDIST } == 2
    assert names.count { it == SampleRelease.WHEEL } == 1
    def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/pypi-publish/report.json'))
    assert report.status == 'published'
    assert report.files*.onIndex == [true, true]
} finally {
    index.stop()
}
true
