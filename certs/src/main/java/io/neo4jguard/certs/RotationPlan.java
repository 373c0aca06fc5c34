package io.neo4jguard.certs;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What rotation should do to a store, decided from its contents and the time alone (no key generation, no
 * I/O): {@link Rotation} carries it out. The rules, in the order they apply:
 *
 * <ol>
 * <li><b>CA renewal.</b> When the newest CA whose key we hold has a third of its life left (or there is
 * none), a new CA is created and <em>added</em> to {@code ca.crt}. The old CA stays and keeps signing.</li>
 * <li><b>Signer.</b> The newest CA that is <em>published</em> signs serving certificates. A CA is published
 * once it has been in {@code ca.crt} for {@link RotationPolicy#publishGrace()}, or when it already signed the
 * serving certificate in use (issuing from it again cannot hand the API server anything it does not trust
 * already). So the serving certificate switches to a new CA only after the bundle holding that CA has had
 * time to reach every caBundle: the API server never sees a certificate it does not trust.</li>
 * <li><b>Serving certificate.</b> Reissued when missing, unreadable, expired, not signed by a CA in the
 * bundle, not for TLS servers, missing a requested name, a third of its life from expiry, or signed by an
 * older CA than the signer. If no published CA holds a key while the current certificate is still trusted,
 * the current certificate is kept (a note says why) until a CA is published or it stops being trusted. With
 * nothing trusted to protect (a new store, or one whose certificate is unusable) the newest CA signs at once.</li>
 * <li><b>Old CAs.</b> A CA leaves the bundle when it has expired, or when it is older than the signer, no
 * longer signs, and no unexpired certificate in the issue record (plus the serving certificate found now)
 * was signed by it: a server that has not yet reloaded may still present such a certificate.</li>
 * <li><b>Keys.</b> Keys of CAs that will never sign again (older than the signer, dropped, or matching no CA)
 * are forgotten.</li>
 * <li><b>Record.</b> Expired entries leave the issue record; a missing record is seeded with the bundle's
 * CAs, each of which then stays until it expires (see {@link CertState}).</li>
 * </ol>
 */
public final class RotationPlan {
    /** One step; {@link #reason()} is a sentence for humans (no key material, no file contents). */
    public sealed interface Action permits CreateCa, IssueServing, DropCa, ForgetCaKey, RewriteRecord {
        String reason();
    }

    /** Create a CA and add it to the bundle (its key to {@code ca.key}). */
    public record CreateCa(String reason) implements Action {
    }

    /**
     * Issue a serving certificate for the request.
     *
     * @param signer the CA that signs; empty for the CA this plan creates
     */
    public record IssueServing(Optional<X509Certificate> signer, String reason) implements Action {
    }

    /** Remove a CA from the bundle. */
    public record DropCa(X509Certificate ca, String reason) implements Action {
    }

    /** Remove a CA key from {@code ca.key}. */
    public record ForgetCaKey(PrivateKey key, String reason) implements Action {
        @Override
        public String toString() {
            return "ForgetCaKey[" + reason + "]";
        }
    }

    /** Rewrite the issue record (seeded, or expired entries removed). */
    public record RewriteRecord(String reason) implements Action {
    }

    private final List<Action> actions;
    private final List<String> notes;
    private final List<X509Certificate> record;
    private final Instant now;

    private RotationPlan(List<Action> actions, List<String> notes, List<X509Certificate> record, Instant now) {
        this.actions = List.copyOf(actions);
        this.notes = List.copyOf(notes);
        this.record = List.copyOf(record);
        this.now = now;
    }

    public List<Action> actions() {
        return actions;
    }

    /** Things a human should know that need no action now (e.g. a renewal waiting for a CA to be published). */
    public List<String> notes() {
        return notes;
    }

    /** True when the store is already as it should be: nothing is written. */
    public boolean isEmpty() {
        return actions.isEmpty();
    }

    /** The issue record after this plan, before the serving certificate it issues (if any) is added. */
    List<X509Certificate> record() {
        return record;
    }

    Instant now() {
        return now;
    }

    public static RotationPlan compute(CertState s, CertRequest request, RotationPolicy policy, Instant now) {
        List<Action> actions = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<X509Certificate> bundle = s.bundle();
        // Which CA each key belongs to, worked out once (each match is a point multiplication).
        Map<X509Certificate, PrivateKey> keyOf = new HashMap<>();
        for (X509Certificate ca : bundle) {
            s.keyFor(ca).ifPresent(k -> keyOf.put(ca, k));
        }

        X509Certificate leaf = s.serving().map(ServingPair::certificate).orElse(null);
        X509Certificate leafIssuer = leaf == null ? null : bundle.stream()
                .filter(ca -> Certs.validAt(ca, now) && Certs.issuedBy(leaf, ca)).findFirst().orElse(null);
        boolean leafTrusted = leaf != null && Certs.validAt(leaf, now) && leafIssuer != null;

        // 1. CA renewal: about the newest CA we can sign with.
        List<X509Certificate> signable = bundle.stream()
                .filter(ca -> Certs.isCa(ca) && Certs.validAt(ca, now) && keyOf.containsKey(ca)).toList();
        X509Certificate newestSignable = newest(signable);
        boolean createCa = newestSignable == null || Certs.dueForRenewal(newestSignable, now);
        if (createCa) {
            actions.add(new CreateCa(newestSignable == null
                    ? (bundle.isEmpty() ? "no CA yet" : "no CA in " + CertDir.CA_CERT + " has its key in " + CertDir.CA_KEY)
                    : "CA " + Certs.id(newestSignable) + " has a third of its life left (expires "
                            + Certs.notAfter(newestSignable) + "); the new CA joins " + CertDir.CA_CERT
                            + " now and signs serving certificates from " + now.plus(policy.publishGrace())));
        }

        // 2. Signer.
        List<X509Certificate> published = signable.stream()
                .filter(ca -> !now.isBefore(policy.publishedAt(ca)) || ca.equals(leafIssuer)).toList();
        Optional<X509Certificate> signer;   // empty: the CA created by this plan
        boolean mayIssue;
        if (!published.isEmpty()) {
            signer = Optional.of(newest(published));
            mayIssue = true;
        } else if (leafTrusted) {
            signer = Optional.ofNullable(newestSignable);
            mayIssue = false;               // anything we could sign with now is not yet published
        } else {
            signer = Optional.ofNullable(newestSignable); // nothing trusted to protect: sign with what we have
            mayIssue = true;
        }

        // 3. Serving certificate.
        String why = reissueReason(s, leaf, leafIssuer, request, signer.orElse(null), mayIssue, policy, now);
        boolean issues = false;
        if (why != null) {
            if (mayIssue) {
                actions.add(new IssueServing(signer, why));
                issues = true;
            } else {
                X509Certificate waitFor = signer.orElse(null);
                notes.add("the serving certificate " + why + ", but is kept: "
                        + (waitFor == null ? "the new CA" : "CA " + Certs.id(waitFor))
                        + " is not yet published (it signs from "
                        + (waitFor == null ? now.plus(policy.publishGrace()) : policy.publishedAt(waitFor)) + ")");
            }
        }

        // 6 (needed by 4). The record: known entries plus the serving certificate found now, minus expired ones.
        List<X509Certificate> record = new ArrayList<>();
        String seeded = null;
        if (s.issued().isPresent()) {
            record.addAll(s.issued().get());
        } else {
            record.addAll(bundle);
            seeded = CertDir.ISSUED + " is missing or unreadable: every CA in " + CertDir.CA_CERT
                    + " is kept until it expires, as it may have signed certificates we have no record of";
        }
        if (leaf != null && !record.contains(leaf)) {
            record.add(leaf);
        }
        int beforePrune = record.size();
        record.removeIf(c -> Certs.expiredAt(c, now));
        int pruned = beforePrune - record.size();

        // 4. Old CAs. Those at least as new as the signer keep signing (or will); older ones go when unpinned.
        Instant generation = signer.map(Certs::notBefore).orElse(null);
        Set<X509Certificate> keepKeys = new HashSet<>();
        for (X509Certificate ca : bundle) {
            boolean current = !Certs.expiredAt(ca, now) && keyOf.containsKey(ca)
                    && (generation == null || !Certs.notBefore(ca).isBefore(generation));
            if (current) {
                keepKeys.add(ca);
            }
        }
        List<X509Certificate> keptCas = new ArrayList<>();
        for (X509Certificate ca : bundle) {
            if (Certs.expiredAt(ca, now)) {
                actions.add(new DropCa(ca, "CA " + Certs.id(ca) + " expired at " + Certs.notAfter(ca)));
            } else if (keepKeys.contains(ca) || now.isBefore(Certs.notBefore(ca))) {
                keptCas.add(ca);            // signs, will sign, or is from a clock ahead of ours: not ours to judge
            } else {
                Optional<Instant> pinnedUntil = record.stream()
                        .filter(c -> c.equals(ca) || Certs.issuedBy(c, ca))
                        .map(Certs::notAfter).max(Comparator.naturalOrder());
                if (pinnedUntil.isPresent()) {
                    keptCas.add(ca);
                    if (generation != null && Certs.notBefore(ca).isBefore(generation)) {
                        notes.add("old CA " + Certs.id(ca) + " stays in " + CertDir.CA_CERT + " until "
                                + pinnedUntil.get() + ": a certificate it signed may still be presented until then");
                    }
                } else {
                    actions.add(new DropCa(ca, "CA " + Certs.id(ca) + " was replaced and no certificate it signed "
                            + "is still valid"));
                }
            }
        }

        // 5. Keys: only CAs that sign or will sign keep theirs.
        for (PrivateKey key : s.caKeys()) {
            X509Certificate of = keyOf.entrySet().stream().filter(e -> e.getValue() == key)
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            boolean keep = of != null && keepKeys.contains(of) && keptCas.contains(of);
            if (!keep) {
                actions.add(new ForgetCaKey(key, of == null ? "a key in " + CertDir.CA_KEY + " belongs to no CA in "
                        + CertDir.CA_CERT : "CA " + Certs.id(of) + " will not sign again"));
            }
        }

        if (seeded != null) {
            actions.add(new RewriteRecord(seeded));
        } else if (!sameCertificates(record, s.issued().get())) {
            actions.add(new RewriteRecord(pruned > 0
                    ? pruned + " expired certificate(s) leave " + CertDir.ISSUED
                    : "the serving certificate in use joins " + CertDir.ISSUED));
        }
        return new RotationPlan(actions, notes, record, now);
    }

    /** Why the serving certificate must be reissued, or null when it serves on. */
    private static String reissueReason(CertState s, X509Certificate leaf, X509Certificate leafIssuer,
                                        CertRequest request, X509Certificate signer, boolean mayIssue,
                                        RotationPolicy policy, Instant now) {
        if (leaf == null) {
            return s.problems().stream().anyMatch(p -> p.startsWith("tls."))
                    ? "is unusable (" + String.join("; ", s.problems().stream().filter(p -> p.startsWith("tls.")).toList()) + ")"
                    : "does not exist yet";
        }
        if (now.isBefore(Certs.notBefore(leaf))) {
            return "is not valid before " + Certs.notBefore(leaf);
        }
        if (Certs.expiredAt(leaf, now)) {
            return "expired at " + Certs.notAfter(leaf);
        }
        if (leafIssuer == null) {
            return "is not signed by a valid CA in " + CertDir.CA_CERT;
        }
        if (!Certs.servesTls(leaf)) {
            return "is not a TLS server certificate (no serverAuth usage)";
        }
        List<String> missing = Coverage.missing(leaf, request);
        if (!missing.isEmpty()) {
            return "does not cover " + String.join(", ", missing);
        }
        if (Certs.dueForRenewal(leaf, now)) {
            return "has a third of its life left (expires " + Certs.notAfter(leaf) + ")";
        }
        if (mayIssue && signer != null && !signer.equals(leafIssuer) && Certs.notBefore(signer).isAfter(Certs.notBefore(leafIssuer))) {
            return "moves to CA " + Certs.id(signer) + ", published since " + policy.publishedAt(signer);
        }
        return null;
    }

    private static X509Certificate newest(List<X509Certificate> cas) {
        return cas.stream().max(Comparator.comparing(Certs::notBefore).thenComparing(Certs::notAfter)).orElse(null);
    }

    private static boolean sameCertificates(List<X509Certificate> a, List<X509Certificate> b) {
        return a.size() == b.size() && new HashSet<>(a).equals(new HashSet<>(b));
    }

    @Override
    public String toString() {
        return "RotationPlan" + actions.stream().map(Action::reason).toList();
    }
}
