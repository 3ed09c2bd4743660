import io.github.yogs0ddhoth.pypi.attest.AttestationScenario
import io.github.yogs0ddhoth.pypi.attest.ExpectedPublisher

def email = 'publisher@octo-project.iam.gserviceaccount.com'
AttestationScenario.verify(context) { s ->
    // One identity for Sigstore, asked first (a job that cannot sign stops before the exchange), one for the index.
    s.assertIdTokenAudiences('sigstore', 'pypi')
    def verified = s.assertAttested(new ExpectedPublisher.Google(email))
    verified.each { assert it.identity().sanEmails() == [email] }
    s.assertLogShows('Trusted publishing from Google Cloud',
            'Signed 2 PEP 740 attestation(s) as Google service account ' + email)
    s.assertLogHidesSecrets()
}
true
