import io.github.yogs0ddhoth.pypi.testing.SampleRelease

def index = context.get('index')
try {
    assert index.requestCount() == 0
    def log = new File(basedir, 'build.log').text
    assert log.contains(SampleRelease.WHEEL)
    assert log.contains(SampleRelease.SDIST)
    assert log.contains('Nothing was uploaded')
} finally {
    index.stop()
}
true
