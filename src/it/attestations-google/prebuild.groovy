import static com.github.tomakehurst.wiremock.client.WireMock.*

import io.github.yogs0ddhoth.pypi.attest.FakeSigstore
import io.github.yogs0ddhoth.pypi.testing.FakeIndex
import io.github.yogs0ddhoth.pypi.testing.SampleRelease

// A fake metadata server and PyPI on the reserved port; a fake Fulcio and Rekor on another loopback port. The
// metadata server signs the service account's identity for the audience sigstore too, as Google's does.
def index = FakeIndex.start(wiremockPort as int)
def sigstore = new FakeSigstore()
def token = FakeSigstore.googleToken()
index.server().stubFor(get(urlPathEqualTo(FakeIndex.METADATA_IDENTITY)).atPriority(1)
        .withHeader('Metadata-Flavor', equalTo('Google'))
        .withQueryParam('audience', equalTo('sigstore'))
        .withQueryParam('format', equalTo('full'))
        .willReturn(aResponse().withStatus(200).withHeader('Metadata-Flavor', 'Google')
                .withHeader('Content-Type', 'application/text').withBody(token)))
def target = new File(basedir, 'target')
target.mkdirs()
new File(target, 'sigstore-trust.json').text = sigstore.trustConfigJson()
SampleRelease.write(target.toPath())
context.put('index', index)
context.put('sigstore', sigstore)
context.put('sigstoreToken', token)
true
