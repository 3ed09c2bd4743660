import io.github.yogs0ddhoth.pypi.testing.FakeIndex
import io.github.yogs0ddhoth.pypi.testing.SampleRelease

def index = context.get('index')
try {
    assert index.uploads().collect { FakeIndex.contentFilename(it) } == [SampleRelease.WHEEL, SampleRelease.SDIST]
    assert index.mintRequests() == 1
    assert index.metadataRequests() == 1
    def log = new File(basedir, 'build.log').text
    assert log.contains('Trusted publishing from Google Cloud')
    assert !log.contains(FakeIndex.MINTED_TOKEN)
} finally {
    index.stop()
}
true
