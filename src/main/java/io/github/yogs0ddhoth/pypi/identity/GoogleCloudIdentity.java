package io.github.yogs0ddhoth.pypi.identity;

import io.github.yogs0ddhoth.pypi.http.HttpReply;
import io.github.yogs0ddhoth.pypi.http.RetryPolicy;
import io.github.yogs0ddhoth.pypi.http.TextExchange;
import io.github.yogs0ddhoth.pypi.report.SecretMasker;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * Google Cloud (Compute Engine, GKE, Cloud Run, Cloud Build): the metadata server signs an identity token for the
 * service account the workload runs as. {@code GCE_METADATA_HOST} overrides the server's address.
 *
 * <p>It uses its own HTTP client rather than the publish run's: the metadata server answers in milliseconds or not at
 * all, so it gets second-scale timeouts instead of the upload's minutes; and it must be reached directly, so the
 * client ignores the JVM's proxy settings (a proxy cannot reach a link-local server, and must not see the token).
 * Plain {@code http://} is right here: the server only exists on the VM's own link, and nothing secret is sent to it.
 */
final class GoogleCloudIdentity implements IdentityProvider {
    static final String HOST_VARIABLE = "GCE_METADATA_HOST";
    static final String DEFAULT_HOST = "metadata.google.internal";
    static final String IDENTITY_PATH = "/computeMetadata/v1/instance/service-accounts/default/identity";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    private final Map<String, String> env;
    private final SecretMasker masker;
    private final String evidence;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    /** @param evidence why the build is taken to run on Google Cloud, e.g. "K_SERVICE is set"; for messages */
    public GoogleCloudIdentity(Map<String, String> env, SecretMasker masker, String evidence) {
        this(env, masker, evidence, CONNECT_TIMEOUT, READ_TIMEOUT);
    }

    GoogleCloudIdentity(Map<String, String> env, SecretMasker masker, String evidence, Duration connectTimeout,
            Duration readTimeout) {
        this.env = env;
        this.masker = masker;
        this.evidence = evidence;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    @Override
    public PublisherKind kind() {
        return PublisherKind.GOOGLE;
    }

    /** Google puts no token in the environment. */
    @Override
    public void maskEnvironmentSecrets() {}

    @Override
    public IdToken fetchIdToken(String audience) throws IdentityException {
        String host = metadataHost();
        URI uri;
        try {
            uri = URI.create("http://" + host + IDENTITY_PATH + "?audience="
                    + URLEncoder.encode(audience, StandardCharsets.UTF_8) + "&format=full");
        } catch (IllegalArgumentException e) {
            throw new IdentityException(HOST_VARIABLE + "='" + host + "' is not a usable host[:port] for Google's"
                    + " metadata server. Unset it to use " + DEFAULT_HOST + ".");
        }
        HttpGet get = new HttpGet(uri);
        // Without this header the metadata server refuses to answer (it protects against SSRF).
        get.setHeader("Metadata-Flavor", "Google");
        Reply reply;
        Duration deadline = connectTimeout.plus(readTimeout);
        try (CloseableHttpClient client = client()) {
            // A deadline on the whole exchange too: a server trickling bytes would never trip the read timeout.
            HttpReply r = new TextExchange(client, deadline, RetryPolicy.none(), m -> {}).send(get);
            reply = new Reply(r.status(), r.header("Metadata-Flavor"), r.body());
        } catch (UnknownHostException e) {
            throw new IdentityException(unreachable(host, "the name does not resolve"), e);
        } catch (InterruptedIOException e) {
            throw new IdentityException(unreachable(host, "no answer within " + deadline.toMillis() / 1000.0 + " s"),
                    e);
        } catch (IOException e) {
            throw new IdentityException(unreachable(host, e.getClass().getSimpleName() + ": "
                    + masker.redact(String.valueOf(e.getMessage()))), e);
        }
        if (!"Google".equals(reply.flavor)) {
            // Its body is never shown: whatever answered, it is not ours to print.
            throw new IdentityException("http://" + host + " answered " + reply.status + " without the response"
                    + " header 'Metadata-Flavor: Google', so it is not Google's metadata server (a proxy, a captive"
                    + " portal or another cloud's metadata service?). Not using its answer. " + whyGoogle());
        }
        if (reply.status != 200) {
            throw new IdentityException(refusedMessage(host, reply));
        }
        // Masked before anything else is done with it.
        masker.register(reply.body.strip());
        return IdToken.parse(reply.body.strip(), "Google's metadata server");
    }

    /** {@code host[:port]}; Google's libraries take the variable without a scheme, but a pasted URL is forgiven. */
    private String metadataHost() {
        String override = env.get(HOST_VARIABLE);
        if (override == null || override.isBlank()) {
            return DEFAULT_HOST;
        }
        String host = override.trim().replaceFirst("^(?i)https?://", "");
        return host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
    }

    private CloseableHttpClient client() {
        Timeout connect = Timeout.of(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
        Timeout read = Timeout.of(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        // No useSystemProperties(): that would route the request through http.proxyHost.
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect).setSocketTimeout(read).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(connect).setResponseTimeout(read).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
    }

    private String unreachable(String host, String what) {
        return "Could not reach Google Cloud's metadata server at http://" + host + " (" + what + "). "
                + whyGoogle() + "\nIf this build does run on Google Cloud, check that the workload can reach the"
                + " metadata server (GKE: Workload Identity enabled on the node pool; a container with"
                + " --network=host or the default bridge). If it does not, unset the variable named above, or"
                + " publish from GitHub Actions or GitLab CI/CD.";
    }

    private String refusedMessage(String host, Reply reply) {
        String body = reply.body.strip().replaceAll("\\s+", " ");
        // The body is an error text here, not a token; still, redact it like everything we print.
        body = masker.redact(body.length() > 300 ? body.substring(0, 300) + "…" : body);
        String hint = switch (reply.status) {
            case 404 -> "This workload has no service account: attach one (Compute Engine: --service-account;"
                    + " Cloud Run: --service-account; Cloud Build: the build's serviceAccount; GKE: bind the"
                    + " Kubernetes service account to a Google service account with Workload Identity).";
            case 403 -> "The metadata server refused to sign a token for this workload. On GKE this usually means"
                    + " Workload Identity is not set up for the pod's Kubernetes service account.";
            default -> "Retry the build; if it persists, check https://status.cloud.google.com/.";
        };
        return "Google's metadata server (http://" + host + ") answered " + reply.status + " instead of an identity"
                + " token" + (body.isEmpty() ? "" : ": " + body) + ".\n" + hint;
    }

    private String whyGoogle() {
        return "The build was taken to run on Google Cloud because " + evidence + ".";
    }

    private record Reply(int status, String flavor, String body) {
        /** The body may be a token: never shown. */
        @Override
        public String toString() {
            return "Reply[status=" + status + ", flavor=" + flavor + ", body=***]";
        }
    }
}
