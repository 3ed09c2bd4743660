import io.github.yogs0ddhoth.pypi.testing.FakeIndex
import io.github.yogs0ddhoth.pypi.testing.SampleRelease

def index = context.get('index')
def proxy = context.get('proxy')
try {
    assert index.uploads().collect { FakeIndex.contentFilename(it) } == [SampleRelease.WHEEL, SampleRelease.SDIST]
    def authorised = proxy.getAllServeEvents().findAll { it.request.containsHeader('Proxy-Authorization') }
            .collect { it.request.url }
    assert authorised.any { it.contains('/idtoken') }
    assert authorised.any { it.endsWith('/_/oidc/audience') }
    assert authorised.any { it.endsWith('/_/oidc/mint-token') }
    assert authorised.count { it.endsWith('/legacy/') } == 2
    assert !new File(basedir, 'build.log').text.contains('it-proxy-s3cret')
} finally {
    index.stop()
    proxy.stop()
}
true
