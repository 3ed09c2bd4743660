package io.github.yogs0ddhoth.pypi.attest;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A Fulcio instance the trust root names.
 *
 * @param uri      where it lives
 * @param chain    its certificates, the issuing one first and the root last
 * @param validFor when certificates it issued are trusted
 */
record CertificateAuthority(String uri, List<X509Certificate> chain, Validity validFor) {
    public CertificateAuthority {
        chain = List.copyOf(chain);
    }
}
