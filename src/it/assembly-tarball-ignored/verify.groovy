import io.github.yogs0ddhoth.pypi.testing.FakeIndex
import io.github.yogs0ddhoth.pypi.testing.SampleRelease

def index = context.get('index')
try {
    assert index.uploads().collect { FakeIndex.contentFilename(it) } == [SampleRelease.WHEEL]
    def log = new File(basedir, 'build.log').text
    assert !log.contains('Uploading demo-app-1.0.0-bin.tar.gz')
} finally {
    index.stop()
}
true
