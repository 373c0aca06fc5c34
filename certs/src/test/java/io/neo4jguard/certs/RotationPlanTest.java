package io.neo4jguard.certs;

import org.junit.jupiter.api.Test;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan's rules one at a time, on states built in memory (no files, no store). */
class RotationPlanTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final RotationPolicy POLICY = RotationPolicy.defaults();
    static final CertRequest REQUEST = CertRequest.forService("guard", "ops", List.of(), List.of());

    static Instant day(double d) {
        return T0.plus(Duration.ofMinutes(Math.round(d * 24 * 60)));
    }

    static CertState apply(CertState s, Instant at) {
        return Rotation.apply(s, RotationPlan.compute(s, REQUEST, POLICY, at), REQUEST, POLICY);
    }

    static List<Class<?>> kinds(RotationPlan p) {
        return p.actions().stream().<Class<?>>map(Object::getClass).toList();
    }

    @Test
    void anEmptyStoreGetsACaAndACertificateSignedByItAtOnce() {
        RotationPlan p = RotationPlan.compute(CertState.empty(), REQUEST, POLICY, T0);
        assertThat(kinds(p)).containsExactly(RotationPlan.CreateCa.class, RotationPlan.IssueServing.class);
        assertThat(((RotationPlan.IssueServing) p.actions().get(1)).signer()).isEmpty(); // the new CA
        CertState s = Rotation.apply(CertState.empty(), p, REQUEST, POLICY);
        X509Certificate leaf = s.serving().orElseThrow().certificate();
        assertThat(Certs.issuedBy(leaf, s.bundle().get(0))).isTrue();
        assertThat(s.issued()).contains(List.of(leaf));
        assertThat(RotationPlan.compute(s, REQUEST, POLICY, T0).isEmpty()).isTrue();
    }

    @Test
    void aCertificateIsKeptUntilAThirdOfItsLifeRemainsThenRenewedBySameCa() {
        CertState s = apply(CertState.empty(), day(0));
        assertThat(RotationPlan.compute(s, REQUEST, POLICY, day(59.9)).isEmpty()).isTrue();
        RotationPlan due = RotationPlan.compute(s, REQUEST, POLICY, day(60));
        assertThat(kinds(due)).containsExactly(RotationPlan.IssueServing.class);
        assertThat(due.actions().get(0).reason()).contains("a third of its life left");
        CertState renewed = Rotation.apply(s, due, REQUEST, POLICY);
        assertThat(renewed.bundle()).isEqualTo(s.bundle());
        assertThat(renewed.issued().orElseThrow()).hasSize(2); // the old one is still valid for 30 days
        assertThat(kinds(RotationPlan.compute(renewed, REQUEST, POLICY, day(90)))).containsExactly(
                RotationPlan.RewriteRecord.class); // it expired: it leaves the record
    }

    @Test
    void aNewNameTriggersReissueAtOnce() {
        CertState s = apply(CertState.empty(), day(0));
        CertRequest more = CertRequest.forService("guard", "ops", List.of("guard.example.com"), List.of());
        RotationPlan p = RotationPlan.compute(s, more, POLICY, day(1));
        assertThat(p.actions()).singleElement().extracting(RotationPlan.Action::reason)
                .asString().contains("does not cover guard.example.com");
    }

    @Test
    void aCaWithAThirdOfItsLifeLeftIsJoinedByANewOneThatSignsOnlyAfterTheGrace() {
        CertState s = apply(CertState.empty(), day(0));
        Instant due = Certs.renewalTime(s.bundle().get(0));
        RotationPlan stage = RotationPlan.compute(s, REQUEST, POLICY, due);
        assertThat(kinds(stage)).contains(RotationPlan.CreateCa.class).doesNotContain(RotationPlan.DropCa.class);
        CertState staged = Rotation.apply(s, stage, REQUEST, POLICY);
        X509Certificate oldCa = s.bundle().get(0);
        X509Certificate newCa = staged.bundle().get(1);
        assertThat(staged.bundle()).containsExactly(oldCa, newCa);
        assertThat(staged.caKeys()).hasSize(2);
        X509Certificate servingAtStage = staged.serving().orElseThrow().certificate();
        assertThat(Certs.issuedBy(servingAtStage, oldCa)).isTrue();

        // Six days later: still the old CA; a renewal due now would come from it too.
        RotationPlan early = RotationPlan.compute(staged, REQUEST, POLICY, due.plus(Duration.ofDays(6)));
        assertThat(early.actions()).noneMatch(a -> a instanceof RotationPlan.IssueServing i
                && i.signer().equals(Optional.of(newCa)));

        // After the grace: the serving certificate moves, the old key goes, the old CA stays (pinned).
        Instant after = due.plus(POLICY.publishGrace()).plus(Duration.ofMinutes(1));
        RotationPlan move = RotationPlan.compute(staged, REQUEST, POLICY, after);
        assertThat(move.actions()).anySatisfy(a -> assertThat(a).isInstanceOfSatisfying(RotationPlan.IssueServing.class,
                i -> assertThat(i.signer()).contains(newCa)));
        assertThat(kinds(move)).contains(RotationPlan.ForgetCaKey.class).doesNotContain(RotationPlan.DropCa.class);
        CertState moved = Rotation.apply(staged, move, REQUEST, POLICY);
        assertThat(moved.bundle()).containsExactly(oldCa, newCa);
        assertThat(moved.caKeys()).hasSize(1);
        assertThat(move.notes()).anyMatch(n -> n.contains("old CA " + Certs.id(oldCa) + " stays"));

        // The old CA leaves once the last certificate it signed has expired, not a moment before.
        Instant lastOld = moved.issued().orElseThrow().stream().filter(c -> Certs.issuedBy(c, oldCa))
                .map(Certs::notAfter).max(Instant::compareTo).orElseThrow();
        assertThat(RotationPlan.compute(moved, REQUEST, POLICY, lastOld.minusSeconds(1)).actions())
                .noneMatch(a -> a instanceof RotationPlan.DropCa);
        RotationPlan drop = RotationPlan.compute(moved, REQUEST, POLICY, lastOld);
        assertThat(drop.actions()).anySatisfy(a -> assertThat(a).isInstanceOfSatisfying(RotationPlan.DropCa.class,
                d -> assertThat(d.ca()).isEqualTo(oldCa)));
        assertThat(Rotation.apply(moved, drop, REQUEST, POLICY).bundle()).containsExactly(newCa);
    }

    @Test
    void withoutTheIssueRecordOldCasStayUntilTheyExpire() {
        CertState s = apply(CertState.empty(), day(0));
        CertState forgetful = new CertState(s.bundle(), s.caKeys(), s.serving(), Optional.empty(), List.of());
        RotationPlan p = RotationPlan.compute(forgetful, REQUEST, POLICY, day(1));
        assertThat(p.actions()).singleElement().isInstanceOf(RotationPlan.RewriteRecord.class);
        CertState seeded = Rotation.apply(forgetful, p, REQUEST, POLICY);
        assertThat(seeded.issued().orElseThrow()).contains(s.bundle().get(0)); // the CA pins itself

        // Run it through a CA change: the old CA is still in the bundle long after its last known leaf.
        Instant due = Certs.renewalTime(s.bundle().get(0));
        CertState later = seeded;
        for (Instant t = due; t.isBefore(due.plus(Duration.ofDays(400))); t = t.plus(Duration.ofDays(1))) {
            later = apply(later, t);
        }
        assertThat(later.bundle()).contains(s.bundle().get(0)).hasSize(2);
    }

    @Test
    void lostCaKeysMeanANewCaButTheTrustedCertificateServesOnUntilTheNewCaIsPublished() {
        CertState s = apply(CertState.empty(), day(0));
        CertState keyless = new CertState(s.bundle(), List.of(), s.serving(), s.issued(), List.of());
        RotationPlan p = RotationPlan.compute(keyless, REQUEST, POLICY, day(10));
        assertThat(kinds(p)).containsExactly(RotationPlan.CreateCa.class);
        CertState staged = Rotation.apply(keyless, p, REQUEST, POLICY);
        // Due for renewal at day 60, but the only CA with a key is not yet published: keep and say why.
        RotationPlan waiting = RotationPlan.compute(staged, REQUEST, POLICY, day(10 + 6));
        assertThat(waiting.isEmpty()).isTrue();
        RotationPlan dueButWaiting = RotationPlan.compute(
                new CertState(staged.bundle(), staged.caKeys(), staged.serving(), staged.issued(), List.of()),
                CertRequest.forService("guard", "ops", List.of("new.example"), List.of()), POLICY, day(16));
        assertThat(dueButWaiting.actions()).noneMatch(a -> a instanceof RotationPlan.IssueServing);
        assertThat(dueButWaiting.notes()).anyMatch(n -> n.contains("not yet published"));
        RotationPlan published = RotationPlan.compute(staged, REQUEST, POLICY, day(10 + 7.1));
        assertThat(kinds(published)).contains(RotationPlan.IssueServing.class);
    }

    @Test
    void anUnusableCertificateIsReplacedAtOnceEvenByAnUnpublishedCa() {
        CertState s = apply(CertState.empty(), day(0));
        // tls.key lost: nothing is being served that we could protect.
        CertState broken = new CertState(s.bundle(), s.caKeys(), Optional.empty(), s.issued(),
                List.of("tls.key is missing"));
        RotationPlan p = RotationPlan.compute(broken, REQUEST, POLICY, day(1));
        assertThat(p.actions()).singleElement().extracting(RotationPlan.Action::reason).asString()
                .contains("unusable (tls.key is missing)");
    }

    @Test
    void expiredCasLeaveAndCertificatesFromForeignCasAreReplaced() {
        Clock c0 = Clock.fixed(T0, ZoneOffset.UTC);
        CertificateAuthority foreign = CertificateAuthority.create("foreign", Duration.ofDays(3650), c0);
        ServingCertificate leaf = foreign.issue(REQUEST, c0);
        CertState s = apply(CertState.empty(), day(0));
        CertState mixed = new CertState(s.bundle(), s.caKeys(),
                Optional.of(new ServingPair(leaf.certificate(), leaf.key())), s.issued(), List.of());
        RotationPlan p = RotationPlan.compute(mixed, REQUEST, POLICY, day(1));
        assertThat(p.actions()).anySatisfy(a -> assertThat(a.reason()).contains("not signed by a valid CA"));

        CertificateAuthority expired = CertificateAuthority.create("old", Duration.ofDays(30), c0);
        CertState withExpired = new CertState(List.of(expired.certificate(), s.bundle().get(0)), s.caKeys(),
                s.serving(), s.issued(), List.of());
        RotationPlan q = RotationPlan.compute(withExpired, REQUEST, POLICY, day(31));
        assertThat(q.actions()).anySatisfy(a -> assertThat(a).isInstanceOfSatisfying(RotationPlan.DropCa.class,
                d -> assertThat(d.reason()).contains("expired")));
    }

    @Test
    void aKeyThatBelongsToNoCaIsForgotten() {
        CertState s = apply(CertState.empty(), day(0));
        CertState extra = new CertState(s.bundle(), List.of(s.caKeys().get(0), KeyPairs.p256().getPrivate()),
                s.serving(), s.issued(), List.of());
        RotationPlan p = RotationPlan.compute(extra, REQUEST, POLICY, day(1));
        assertThat(p.actions()).singleElement().isInstanceOf(RotationPlan.ForgetCaKey.class)
                .extracting(RotationPlan.Action::reason).asString().contains("belongs to no CA");
        assertThat(p.actions().get(0).toString()).doesNotContain("PRIVATE").contains("ForgetCaKey[");
    }

    @Test
    void aCaFromAClockAheadOfOursIsNotDropped() {
        CertState s = apply(CertState.empty(), day(0));
        Clock ahead = Clock.fixed(day(2), ZoneOffset.UTC);
        CertificateAuthority future = CertificateAuthority.create("ahead", Duration.ofDays(3650), ahead);
        CertState both = new CertState(List.of(s.bundle().get(0), future.certificate()), s.caKeys(), s.serving(),
                s.issued(), List.of());
        assertThat(RotationPlan.compute(both, REQUEST, POLICY, day(1)).actions())
                .noneMatch(a -> a instanceof RotationPlan.DropCa);
    }

    @Test
    void thePolicyRefusesAGraceThatCouldOutlastTheOldCa() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        RotationPolicy.defaults().withCaValidity(Duration.ofDays(30)).withPublishGrace(Duration.ofDays(7)))
                .hasMessageContaining("at most a sixth");
    }
}
