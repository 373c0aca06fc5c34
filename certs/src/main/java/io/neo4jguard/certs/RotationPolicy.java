package io.neo4jguard.certs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * How rotation treats CAs. Serving certificates follow their {@link CertRequest}; both kinds renew when a
 * third of their life remains.
 *
 * @param caValidity   lifetime of a new CA
 * @param caName       CN prefix of a new CA; the creation date is appended so two CAs in one bundle differ
 *                     to a human (signatures, not names, decide which CA signed what)
 * @param publishGrace how long a new CA sits in {@code ca.crt} before it signs a serving certificate. The
 *                     API server trusts only the caBundle it was given, and that is updated after
 *                     {@code ca.crt} changes ({@code certs inject} in the same job or a later run, cainjector
 *                     within seconds, a kubelet Secret-volume sync within about two minutes). Seven days
 *                     cover a weekly job, or a daily job that fails for six days running; waiting costs
 *                     nothing, because a CA is renewed with a third of its life (3.3 years of 10) left.
 */
public record RotationPolicy(Duration caValidity, String caName, Duration publishGrace) {
    public static final Duration DEFAULT_PUBLISH_GRACE = Duration.ofDays(7);
    public static final String DEFAULT_CA_NAME = "neo4j-guard-ca";

    public RotationPolicy {
        if (caValidity == null || caValidity.isNegative() || caValidity.isZero()) {
            throw new IllegalArgumentException("the validity of a CA must be positive");
        }
        if (publishGrace == null || publishGrace.isNegative()) {
            throw new IllegalArgumentException("the publish grace period must not be negative");
        }
        // A CA is renewed with a third of its life left and the old one must still be valid when the serving
        // certificate switches after the grace period; half of that third leaves the other half as margin.
        if (publishGrace.compareTo(caValidity.dividedBy(6)) > 0) {
            throw new IllegalArgumentException("the publish grace period (" + publishGrace.toDays()
                    + " days) must be at most a sixth of the CA validity (" + caValidity.toDays() + " days)");
        }
        if (caName == null || caName.isBlank()) {
            caName = DEFAULT_CA_NAME;
        }
    }

    public static RotationPolicy defaults() {
        return new RotationPolicy(CertificateAuthority.DEFAULT_VALIDITY, DEFAULT_CA_NAME, DEFAULT_PUBLISH_GRACE);
    }

    public RotationPolicy withCaValidity(Duration v) {
        return new RotationPolicy(v, caName, publishGrace);
    }

    public RotationPolicy withPublishGrace(Duration g) {
        return new RotationPolicy(caValidity, caName, g);
    }

    /** The CN of a CA created at {@code now}. */
    String caCommonName(Instant now) {
        return caName + "-" + LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    /**
     * When a CA counts as published: {@link #publishGrace} after it joined the bundle. It joined when it was
     * created, which is its notBefore plus the backdating every certificate gets.
     */
    Instant publishedAt(java.security.cert.X509Certificate ca) {
        return Certs.notBefore(ca).plus(CertificateAuthority.BACKDATE).plus(publishGrace);
    }
}
