package io.neo4jguard.certs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten years of daily {@code certs rotate} runs against a real directory, with a fixed clock stepping one day
 * at a time. After every run the test plays the parties that must keep trusting each other:
 * <ul>
 * <li>the API server, whose caBundle is {@code ca.crt} as published {@link #PUBLISH_LAG} ago (a job that
 * injects the day after rotating, slower than any real setup and well inside the 7-day grace);</li>
 * <li>a webhook replica that has not reloaded yet and still presents the previous serving certificate;</li>
 * <li>every serving certificate ever issued and not yet expired (any replica could still hold one).</li>
 * </ul>
 */
class RotationTimelineTest {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration DAY = Duration.ofDays(1);
    static final int PUBLISH_LAG = 1;

    @TempDir
    Path dir;

    record Outcome(int caRenewals, int servingIssued, int overlapDays, int maxBundle, List<Integer> switchDelays) {
    }

    @Test
    void tenYearsOfDailyRotationWithTheDefaultsNeverServeAnUntrustedCertificate() throws Exception {
        Outcome o = simulate(RotationPolicy.defaults(), CertRequest.forService("guard", "ops", List.of(), List.of()),
                3650, 0, new Random(1));
        // A 10-year CA renews with a third of its life left: once in ten years, at about day 2433.
        assertThat(o.caRenewals()).isEqualTo(1);
        // 90-day certificates renewed at day 60: about 61 in ten years, plus one for the CA switch.
        assertThat(o.servingIssued()).isBetween(60, 64);
        assertThat(o.overlapDays()).as("days with two CAs in ca.crt").isBetween(7, 7 + 90);
        assertThat(o.maxBundle()).isEqualTo(2);
        assertThat(o.switchDelays()).allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(7));
    }

    @Test
    void yearlyCasRenewOftenAndEveryRenewalOverlaps() throws Exception {
        RotationPolicy policy = RotationPolicy.defaults().withCaValidity(Duration.ofDays(365));
        Outcome o = simulate(policy, CertRequest.loopback(), 3650, 0, new Random(2));
        // Renewal at 2/3 of 365 days (~243) from each CA's creation: 3650 / 243 = 15.
        assertThat(o.caRenewals()).isBetween(14, 15);
        assertThat(o.switchDelays()).hasSize(o.caRenewals()).allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(7));
        assertThat(o.maxBundle()).isEqualTo(2);
    }

    @Test
    void rotationThatMissesUpToFiveDaysInARowStillNeverBreaksTrust() throws Exception {
        RotationPolicy policy = RotationPolicy.defaults().withCaValidity(Duration.ofDays(400));
        Outcome o = simulate(policy, CertRequest.loopback(), 3650, 5, new Random(3));
        assertThat(o.caRenewals()).isGreaterThanOrEqualTo(10);
    }

    private Outcome simulate(RotationPolicy policy, CertRequest request, int days, int maxSkip, Random random)
            throws Exception {
        CertStore store = CertDir.store(dir);
        Deque<List<X509Certificate>> published = new ArrayDeque<>(); // ca.crt per day, newest last
        Set<X509Certificate> everIssued = new LinkedHashSet<>();
        Set<X509Certificate> everCa = new LinkedHashSet<>();
        X509Certificate previousServing = null;
        X509Certificate previousIssuer = null;
        int caRenewals = -1; // the first CA is a creation, not a renewal
        int overlapDays = 0;
        int maxBundle = 0;
        List<Integer> switchDelays = new ArrayList<>();
        int skip = 0;
        for (int day = 0; day <= days; day++) {
            Instant now = START.plus(DAY.multipliedBy(day));
            Clock clock = Clock.fixed(now, ZoneOffset.UTC);
            if (skip > 0) {
                skip--; // the job did not run today; the published bundle stays as it was
            } else {
                Rotation.run(store, request, policy, clock);
                if (maxSkip > 0 && random.nextInt(10) == 0) {
                    skip = 1 + random.nextInt(maxSkip);
                }
                // A second run at the same instant finds nothing to do.
                assertThat(RotationPlan.compute(store.read().state(), request, policy, now).actions())
                        .as("day %d: rotation is idempotent", day).isEmpty();
            }
            CertState s = store.read().state();
            assertThat(s.problems()).isEmpty();
            List<X509Certificate> bundle = s.bundle();
            published.addLast(bundle);
            while (published.size() > PUBLISH_LAG + 1) {
                published.removeFirst();
            }
            List<X509Certificate> apiServerTrusts = published.peekFirst(); // PUBLISH_LAG days old
            X509Certificate serving = s.serving().orElseThrow().certificate();
            everIssued.add(serving);
            for (X509Certificate ca : bundle) {
                if (everCa.add(ca)) {
                    caRenewals++;
                }
            }
            maxBundle = Math.max(maxBundle, bundle.size());
            if (bundle.size() > 1) {
                overlapDays++;
            }

            // The current serving certificate is valid and trusted by the API server's (lagging) bundle...
            assertThat(Certs.validAt(serving, now)).as("day %d: serving certificate valid", day).isTrue();
            assertThat(trusted(serving, apiServerTrusts, now)).as("day %d: API server trusts the served certificate", day)
                    .isTrue();
            // ...and by the bundle just written (a server reloading both sees a consistent pair).
            assertThat(trusted(serving, bundle, now)).isTrue();
            // The bundle never loses a CA that signed a certificate still valid: a replica that has not
            // reloaded keeps working.
            for (X509Certificate leaf : everIssued) {
                if (Certs.validAt(leaf, now)) {
                    assertThat(trusted(leaf, bundle, now)).as("day %d: still-valid certificate %s trusted", day,
                            Certs.id(leaf)).isTrue();
                }
            }
            if (previousServing != null && Certs.validAt(previousServing, now)) {
                assertThat(trusted(previousServing, apiServerTrusts, now)).isTrue();
            }
            // When the serving certificate moves to a new CA, that CA has been in ca.crt for the grace period.
            X509Certificate issuer = bundle.stream().filter(ca -> Certs.issuedBy(serving, ca)).findFirst().orElseThrow();
            if (previousIssuer != null && !issuer.equals(previousIssuer)) {
                Instant joined = Certs.notBefore(issuer).plus(CertificateAuthority.BACKDATE);
                switchDelays.add((int) Duration.between(joined, now).toDays());
                assertThat(bundle).as("day %d: overlap at the switch", day).contains(previousIssuer);
            }
            previousIssuer = issuer;
            previousServing = serving;
        }
        return new Outcome(caRenewals, everIssued.size(), overlapDays, maxBundle, switchDelays);
    }

    private static boolean trusted(X509Certificate leaf, List<X509Certificate> bundle, Instant now) {
        return Certs.validAt(leaf, now)
                && bundle.stream().anyMatch(ca -> Certs.validAt(ca, now) && Certs.issuedBy(leaf, ca));
    }
}
