package io.github.yogs0ddhoth.pypi.attest;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a Fulcio certificate says about who signed: the subject alternative names and Fulcio's extensions under
 * OID arc 1.3.6.1.4.1.57264.1, which carry the CI's OIDC claims.
 *
 * @param issuer               the OIDC issuer (extension .8, or the older .1)
 * @param sanUris              URI subject alternative names (the workflow for GitHub and GitLab)
 * @param sanEmails            email subject alternative names (the service account for Google)
 * @param buildConfigUri       extension .18, the top-level workflow with its ref or digest
 * @param sourceRepositoryUri  extension .12
 * @param sourceRepositoryDigest extension .13, the commit
 * @param sourceRepositoryRef  extension .14, e.g. {@code refs/tags/v1.0}
 */
record FulcioIdentity(String issuer, List<String> sanUris, List<String> sanEmails, String buildConfigUri,
        String sourceRepositoryUri, String sourceRepositoryDigest, String sourceRepositoryRef) {
    static final String ARC = "1.3.6.1.4.1.57264.1.";

    public static FulcioIdentity of(X509Certificate cert) throws AttestationException {
        List<String> uris = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        try {
            Collection<List<?>> names = cert.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> n : names) {
                    int type = (Integer) n.get(0);
                    if (type == 6) {
                        uris.add((String) n.get(1));
                    } else if (type == 1) {
                        emails.add((String) n.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            throw new AttestationException("The certificate's subject alternative names cannot be read ("
                    + e.getMessage() + ").");
        }
        String issuer = derString(cert, 8);
        if (issuer == null) {
            issuer = rawString(cert, 1);
        }
        return new FulcioIdentity(issuer, List.copyOf(uris), List.copyOf(emails), derString(cert, 18),
                derString(cert, 12), derString(cert, 13), derString(cert, 14));
    }

    /** Extensions from .8 on hold a DER UTF8String. */
    private static String derString(X509Certificate cert, int n) throws AttestationException {
        byte[] ext = cert.getExtensionValue(ARC + n);
        if (ext == null) {
            return null;
        }
        Der.Tlv inner = Der.read(Der.read(ext).value());
        return new String(inner.value(), StandardCharsets.UTF_8);
    }

    /** The first extensions (.1 to .6) hold the raw string bytes. */
    private static String rawString(X509Certificate cert, int n) throws AttestationException {
        byte[] ext = cert.getExtensionValue(ARC + n);
        return ext == null ? null : new String(Der.read(ext).value(), StandardCharsets.UTF_8);
    }
}
