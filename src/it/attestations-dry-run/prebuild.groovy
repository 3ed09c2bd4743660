import static com.github.tomakehurst.wiremock.client.WireMock.*

import io.github.yogs0ddhoth.pypi.attest.FakeSigstore
import io.github.yogs0ddhoth.pypi.testing.FakeIndex
import io.github.yogs0ddhoth.pypi.testing.SampleRelease

// A fake GitHub token endpoint and PyPI on the reserved port; a fake Fulcio and Rekor on another loopback port.
def index = FakeIndex.start(wiremockPort as int)
def sigstore = new FakeSigstore()
def token = FakeSigstore.gitHubToken('publish.yml', 'publish.yml')
index.server().stubFor(get(urlPathEqualTo('/idtoken')).atPriority(1)
        .withQueryParam('audience', equalTo('sigstore'))
        .willReturn(okJson('{"count":1,"value":"' + token + '"}')))
def target = new File(basedir, 'target')
target.mkdirs()
new File(target, 'sigstore-trust.json').text = sigstore.trustConfigJson()
SampleRelease.write(target.toPath())
context.put('index', index)
context.put('sigstore', sigstore)
context.put('sigstoreToken', token)
true
