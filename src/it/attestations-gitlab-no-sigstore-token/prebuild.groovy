import io.github.yogs0ddhoth.pypi.attest.FakeSigstore
import io.github.yogs0ddhoth.pypi.testing.FakeIndex
import io.github.yogs0ddhoth.pypi.testing.SampleRelease

// A fake PyPI on the reserved port (it mints for FakeIndex.gitLabIdToken()); a fake Fulcio and Rekor on another
// loopback port. GitLab has no token endpoint: both ID tokens come in through invoker.properties.
def index = FakeIndex.start(wiremockPort as int)
def sigstore = new FakeSigstore()
def target = new File(basedir, 'target')
target.mkdirs()
new File(target, 'sigstore-trust.json').text = sigstore.trustConfigJson()
SampleRelease.write(target.toPath())
context.put('index', index)
context.put('sigstore', sigstore)
true
