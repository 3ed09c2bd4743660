import io.github.yogs0ddhoth.pypi.testing.FakeIndex
import io.github.yogs0ddhoth.pypi.testing.SampleRelease

def index = context.get('index')
try {
    assert index.uploads().collect { FakeIndex.contentFilename(it) } == [SampleRelease.WHEEL]
    def log = new File(basedir, 'build.log').text
    assert !log.contains('Uploading demo-app-1.0.0-bin.tar.gz')
    // Left out, but never in silence: a warning names it and says why.
    assert log.contains('demo-app-1.0.0-bin.tar.gz: It matches the include patterns but is not published: no'
            + ' demo-app-1.0.0/PKG-INFO: not an sdist.')
} finally {
    index.stop()
}
true
