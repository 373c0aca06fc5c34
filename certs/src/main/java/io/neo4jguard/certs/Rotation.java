package io.neo4jguard.certs;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Carries out a {@link RotationPlan}: the only place that generates keys and signs. */
public final class Rotation {
    /**
     * Attempts before giving up on a store that keeps changing under us. Each conflict means another writer
     * succeeded, after which a re-plan is normally empty; five covers the chart's two replicas plus a manual
     * {@code certs rotate} with room to spare.
     */
    static final int MAX_ATTEMPTS = 5;

    private Rotation() {
    }

    /** The outcome of one rotation: the plan carried out, the contents before and after, and the attempts. */
    public record Result(RotationPlan plan, CertState before, CertState after, int attempts) {
        public boolean changed() {
            return !plan.isEmpty();
        }
    }

    /**
     * Reads the store, plans, applies and writes; on a conflict re-reads and re-plans. Returns without writing
     * when the plan is empty.
     */
    public static Result run(CertStore store, CertRequest request, RotationPolicy policy, Clock clock)
            throws IOException {
        for (int attempt = 1; ; attempt++) {
            CertStore.Snapshot seen = store.read();
            RotationPlan plan = RotationPlan.compute(seen.state(), request, policy, clock.instant());
            if (plan.isEmpty()) {
                return new Result(plan, seen.state(), seen.state(), attempt);
            }
            CertState next = apply(seen.state(), plan, request, policy);
            try {
                store.write(seen, next);
                return new Result(plan, seen.state(), next, attempt);
            } catch (CertStore.ConflictException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new IOException(store.describe() + " changed under us " + attempt
                            + " times in a row; giving up for now", e);
                }
            }
        }
    }

    /** Reads and plans without writing: what {@code certs rotate --dry-run} shows. */
    public static Result preview(CertStore store, CertRequest request, RotationPolicy policy, Clock clock)
            throws IOException {
        CertStore.Snapshot seen = store.read();
        RotationPlan plan = RotationPlan.compute(seen.state(), request, policy, clock.instant());
        return new Result(plan, seen.state(), seen.state(), 1);
    }

    /** The state after {@code plan}; generates the keys and certificates it asks for. */
    public static CertState apply(CertState s, RotationPlan plan, CertRequest request, RotationPolicy policy) {
        // One instant for every certificate of the run, so they agree with the plan that asked for them.
        Clock at = Clock.fixed(plan.now(), ZoneOffset.UTC);
        List<X509Certificate> bundle = new ArrayList<>(s.bundle());
        List<PrivateKey> keys = new ArrayList<>(s.caKeys());
        List<X509Certificate> record = new ArrayList<>(plan.record());
        Optional<ServingPair> serving = s.serving();
        CertificateAuthority created = null;
        for (RotationPlan.Action a : plan.actions()) {
            if (a instanceof RotationPlan.CreateCa) {
                created = CertificateAuthority.create(policy.caCommonName(plan.now()), policy.caValidity(), at);
                bundle.add(created.certificate());
                keys.add(created.key());
            } else if (a instanceof RotationPlan.DropCa d) {
                bundle.remove(d.ca());
            } else if (a instanceof RotationPlan.ForgetCaKey f) {
                keys.remove(f.key());
            }
        }
        for (RotationPlan.Action a : plan.actions()) {
            if (a instanceof RotationPlan.IssueServing i) {
                CertificateAuthority ca = i.signer().isPresent()
                        ? new CertificateAuthority(i.signer().get(), s.keyFor(i.signer().get()).orElseThrow(() ->
                                new IllegalStateException("the plan chose a signer without a key")))
                        : created;
                if (ca == null) {
                    throw new IllegalStateException("the plan issues from a CA it does not create");
                }
                ServingCertificate leaf = ca.issue(request, at);
                serving = Optional.of(new ServingPair(leaf.certificate(), leaf.key()));
                record.add(leaf.certificate());
            }
        }
        return new CertState(bundle, keys, serving, Optional.of(record), List.of());
    }
}
