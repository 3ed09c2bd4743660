package io.github.yogs0ddhoth.pypi.attest;

import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** PEM text as Sigstore's services and PyPI's verifier write and compare it. */
final class Pem {
    private Pem() {}

    /**
     * 64-character base64 lines and a final line break: the form Python's {@code cryptography} writes. PyPI
     * compares the certificate in the Rekor body with the attestation's certificate written this way, string for
     * string, so any other wrapping would make it refuse the file.
     */
    public static String encode(String label, byte[] der) {
        String b64 = Base64.getEncoder().encodeToString(der);
        StringBuilder out = new StringBuilder(b64.length() + 80);
        out.append("-----BEGIN ").append(label).append("-----\n");
        for (int i = 0; i < b64.length(); i += 64) {
            out.append(b64, i, Math.min(b64.length(), i + 64)).append('\n');
        }
        return out.append("-----END ").append(label).append("-----\n").toString();
    }

    public static String certificate(X509Certificate certificate) {
        try {
            return encode("CERTIFICATE", certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("The certificate cannot be encoded", e);
        }
    }

    public static String publicKey(PublicKey key) {
        return encode("PUBLIC KEY", key.getEncoded());
    }

    /** Every {@code BEGIN label} block of {@code text}, decoded; text outside the blocks is ignored. */
    public static List<byte[]> decodeAll(String text, String label) throws AttestationException {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        List<byte[]> blocks = new ArrayList<>();
        int from = 0;
        while (true) {
            int b = text.indexOf(begin, from);
            if (b < 0) {
                return blocks;
            }
            int e = text.indexOf(end, b);
            if (e < 0) {
                throw new AttestationException("A PEM block '" + label + "' has no END line.");
            }
            String body = text.substring(b + begin.length(), e).replaceAll("\\s", "");
            try {
                blocks.add(Base64.getDecoder().decode(body));
            } catch (IllegalArgumentException ex) {
                throw new AttestationException("A PEM block '" + label + "' is not valid base64.");
            }
            from = e + end.length();
        }
    }

    public static X509Certificate parseCertificate(byte[] der) throws AttestationException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw new AttestationException("A certificate could not be read as DER X.509 (" + e.getMessage() + ").");
        }
    }
}
