import io.github.yogs0ddhoth.pypi.testing.SampleRelease

def index = context.get('index')
try {
    // On a CI, a dry run fetches the ID token and checks its claims, but never mints and never uploads.
    assert index.tokenRequests() == 1
    assert index.mintRequests() == 0
    assert index.uploads().isEmpty()
    def log = new File(basedir, 'build.log').text
    assert log.contains(SampleRelease.WHEEL)
    assert log.contains(SampleRelease.SDIST)
    assert log.contains("the ID token's claims were checked, but no upload token was minted")
    assert log.contains('Nothing was uploaded')
} finally {
    index.stop()
}
true
