import io.github.yogs0ddhoth.pypi.testing.FakeIndex
import io.github.yogs0ddhoth.pypi.testing.SampleRelease

def index = context.get('index')
try {
    // One exchange and one upload per file: published once, together, wheel first.
    assert index.uploads().collect { FakeIndex.contentFilename(it) } == [SampleRelease.WHEEL, SampleRelease.SDIST]
    assert index.mintRequests() == 1
    def log = new File(basedir, 'build.log').text
    assert log.contains('Deferring PyPI publishing of module-')
} finally {
    index.stop()
}
true
