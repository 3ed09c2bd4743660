import static com.github.tomakehurst.wiremock.client.WireMock.*
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options
import com.github.tomakehurst.wiremock.WireMockServer
import io.github.yogs0ddhoth.pypi.testing.FakeIndex
import io.github.yogs0ddhoth.pypi.testing.SampleRelease

def index = FakeIndex.start(wiremockPort as int)
context.put('index', index)
// A corporate proxy that demands credentials, then forwards to the fake index.
def proxy = new WireMockServer(options().bindAddress('127.0.0.1').port(proxyPort as int))
proxy.start()
def expected = 'Basic ' + 'it-proxy-user:it-proxy-s3cret'.bytes.encodeBase64().toString()
proxy.stubFor(any(anyUrl()).atPriority(1).withHeader('Proxy-Authorization', absent())
        .willReturn(aResponse().withStatus(407).withHeader('Proxy-Authenticate', 'Basic realm="corp"')))
proxy.stubFor(any(anyUrl()).atPriority(2).withHeader('Proxy-Authorization', equalTo(expected))
        .willReturn(aResponse().proxiedFrom(index.baseUrl())))
context.put('proxy', proxy)
SampleRelease.write(new File(basedir, 'target').toPath())
true
