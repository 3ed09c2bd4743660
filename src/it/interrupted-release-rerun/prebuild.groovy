import static com.github.tomakehurst.wiremock.client.WireMock.*
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED
import io.github.yogs0ddhoth.pypi.testing.FakeIndex
import io.github.yogs0ddhoth.pypi.testing.SampleRelease

def index = FakeIndex.start(wiremockPort as int)
// The first sdist upload meets an outage; everything after it works.
index.server().stubFor(post('/legacy/').atPriority(0).inScenario('outage').whenScenarioStateIs(STARTED)
        .withMultipartRequestBody(aMultipart().withName('filetype').withBody(equalTo('sdist')))
        .willReturn(aResponse().withStatus(503).withStatusMessage('Service Unavailable'))
        .willSetStateTo('over'))
context.put('index', index)
SampleRelease.write(new File(basedir, 'target').toPath())
true
