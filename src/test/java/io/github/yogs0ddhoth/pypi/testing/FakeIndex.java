package io.github.yogs0ddhoth.pypi.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A loopback stand-in for a GitHub Actions token endpoint, Google's metadata server and a PyPI index with trusted
 * publishing, used by unit tests and by the invoker ITs' hooks. It accepts an upload only with the token it minted,
 * and mints only for the ID tokens it issued: the GitHub one from its token endpoint, the GitLab one of
 * {@link #gitLabEnvironment()} and the Google one from its metadata endpoint ({@link #googleEnvironment()}).
 */
public final class FakeIndex implements AutoCloseable {
    public static final String REQUEST_TOKEN = "it-request-token-5d1f0b7a33";
    public static final String MINTED_TOKEN = "pypi-AgEIcHlwaS5vcmc-minted-9c2e41d7";

    /** Where Google's metadata server serves identity tokens; GCE_METADATA_HOST points here. */
    public static final String METADATA_IDENTITY = "/computeMetadata/v1/instance/service-accounts/default/identity";

    private final WireMockServer server;
    private final StoredFiles stored;
    private final String idToken = Jwts.gitHubJwt("jti-fake-index-1");
    private final String gitLabIdToken = Jwts.gitLabJwt("jti-fake-index-gitlab-1");
    private final String googleIdToken = Jwts.googleJwt();

    private FakeIndex(WireMockServer server, StoredFiles stored) {
        this.server = server;
        this.stored = stored;
    }

    /** @param port 0 for any free port */
    public static FakeIndex start(int port) {
        StoredFiles stored = new StoredFiles();
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").port(port)
                .maxRequestJournalEntries(1000).extensions(stored));
        server.start();
        FakeIndex index = new FakeIndex(server, stored);
        index.stubHappyPath();
        return index;
    }

    private void stubHappyPath() {
        server.stubFor(get(urlPathEqualTo("/idtoken"))
                .withHeader("Authorization", equalTo("bearer " + REQUEST_TOKEN))
                .willReturn(okJson("{\"count\":1,\"value\":\"" + idToken + "\"}")));
        server.stubFor(get(urlEqualTo("/_/oidc/audience")).willReturn(okJson("{\"audience\":\"pypi\"}")));
        server.stubFor(post(urlEqualTo("/_/oidc/mint-token")).atPriority(9)
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Token request failed\",\"errors\":[{\"code\":\"invalid-token\","
                                + "\"description\":\"malformed or invalid token\"}]}")));
        server.stubFor(post(urlEqualTo("/_/oidc/mint-token")).atPriority(1)
                .withRequestBody(equalToJson("{\"token\":\"" + idToken + "\"}"))
                .willReturn(okJson("{\"success\":true,\"token\":\"" + MINTED_TOKEN + "\",\"expires\":4102444800}")));
        for (String other : List.of(gitLabIdToken, googleIdToken)) {
            server.stubFor(post(urlEqualTo("/_/oidc/mint-token")).atPriority(1)
                    .withRequestBody(equalToJson("{\"token\":\"" + other + "\"}"))
                    .willReturn(okJson("{\"success\":true,\"token\":\"" + MINTED_TOKEN + "\",\"expires\":4102444800}")));
        }
        server.stubFor(get(urlPathEqualTo(METADATA_IDENTITY)).atPriority(1)
                .withHeader("Metadata-Flavor", equalTo("Google"))
                .withQueryParam("audience", equalTo("pypi"))
                .withQueryParam("format", equalTo("full"))
                .willReturn(aResponse().withStatus(200).withHeader("Metadata-Flavor", "Google")
                        .withHeader("Content-Type", "application/text").withBody(googleIdToken)));
        server.stubFor(post(urlEqualTo("/legacy/")).atPriority(9)
                .willReturn(aResponse().withStatus(403).withStatusMessage("Invalid or non-existent authentication"
                        + " information. See https://pypi.org/help/#invalid-auth for more information.")));
        server.stubFor(post(urlEqualTo("/legacy/")).atPriority(1)
                .withHeader("Authorization", equalTo("Basic " + Base64.getEncoder()
                        .encodeToString(("__token__:" + MINTED_TOKEN).getBytes())))
                .willReturn(aResponse().withTransformers(StoredFiles.NAME)));
        server.stubFor(get(urlPathMatching("/simple/[^/]+/")).atPriority(5)
                .willReturn(aResponse().withTransformers(StoredFiles.NAME)));
        // The root exists, as on PyPI, so a 404 for a project means a new project.
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.head(urlEqualTo("/simple/")).atPriority(5)
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/vnd.pypi.simple.v1+json")));
        server.stubFor(any404());
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder any404() {
        return com.github.tomakehurst.wiremock.client.WireMock.any(anyUrl()).atPriority(10)
                .willReturn(aResponse().withStatus(404));
    }

    /** What the index holds, as an earlier run would have left it. */
    public StoredFiles stored() {
        return stored;
    }

    public WireMockServer server() {
        return server;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public String uploadUrl() {
        return baseUrl() + "/legacy/";
    }

    public String tokenRequestUrl() {
        return baseUrl() + "/idtoken?api-version=2.0";
    }

    public String idToken() {
        return idToken;
    }

    /** The variables a GitHub Actions job with {@code id-token: write} sees. */
    public Map<String, String> gitHubEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GITHUB_ACTIONS", "true");
        env.put("ACTIONS_ID_TOKEN_REQUEST_URL", tokenRequestUrl());
        env.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", REQUEST_TOKEN);
        return env;
    }

    public String gitLabIdToken() {
        return gitLabIdToken;
    }

    public String googleIdToken() {
        return googleIdToken;
    }

    /** The variables a GitLab job with {@code id_tokens: PYPI_ID_TOKEN: aud: pypi} sees. */
    public Map<String, String> gitLabEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GITLAB_CI", "true");
        env.put("PYPI_ID_TOKEN", gitLabIdToken);
        return env;
    }

    /** The variables a Google Cloud workload sees, with the metadata server redirected to this fake. */
    public Map<String, String> googleEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GCE_METADATA_HOST", "127.0.0.1:" + server.port());
        return env;
    }

    public int metadataRequests() {
        return server.findAll(getRequestedFor(urlPathEqualTo(METADATA_IDENTITY))).size();
    }

    public List<LoggedRequest> uploads() {
        return server.findAll(postRequestedFor(urlEqualTo("/legacy/")));
    }

    public int tokenRequests() {
        return server.findAll(getRequestedFor(urlPathEqualTo("/idtoken"))).size();
    }

    public int mintRequests() {
        return server.findAll(postRequestedFor(urlEqualTo("/_/oidc/mint-token"))).size();
    }

    public int requestCount() {
        return server.getAllServeEvents().size();
    }

    /** The text fields of an upload in the order sent, with repeated names kept. */
    public static List<Map.Entry<String, String>> fields(LoggedRequest upload) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (Request.Part part : upload.getParts()) {
            if (!part.getName().equals("content")) {
                fields.add(Map.entry(part.getName(), part.getBody().asString()));
            }
        }
        return fields;
    }

    public static Map<String, List<String>> fieldMap(LoggedRequest upload) {
        return fields(upload).stream().collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    public static byte[] content(LoggedRequest upload) {
        return upload.getPart("content").getBody().asBytes();
    }

    public static String contentFilename(LoggedRequest upload) {
        String disposition = upload.getPart("content").getHeader("Content-Disposition").firstValue();
        int i = disposition.indexOf("filename=\"");
        return disposition.substring(i + 10, disposition.indexOf('"', i + 10));
    }

    public void stop() {
        server.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
