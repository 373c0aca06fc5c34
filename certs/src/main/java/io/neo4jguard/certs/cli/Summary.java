package io.neo4jguard.certs.cli;

import io.neo4jguard.certs.CertState;
import io.neo4jguard.certs.Rotation;
import io.neo4jguard.certs.RotationPlan;
import io.neo4jguard.certs.ServingPair;

import java.io.PrintStream;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What {@code create} and {@code rotate} print: each action with its reason, then the resulting state. */
final class Summary {
    private Summary() {
    }

    static void print(PrintStream out, String where, Rotation.Result r, boolean dryRun) {
        List<X509Certificate> added = new ArrayList<>(r.after().bundle());
        added.removeAll(r.before().bundle());
        if (r.plan().isEmpty()) {
            out.println(where + ": up to date");
        } else {
            out.println(where + ": " + (dryRun ? "would " : "") + "change:");
        }
        for (RotationPlan.Action a : r.plan().actions()) {
            if (a instanceof RotationPlan.CreateCa c) {
                out.println("  new CA" + (added.isEmpty() ? "" : " " + id(added.get(0)) + ", valid until "
                        + notAfter(added.get(0))) + ": " + c.reason());
            } else if (a instanceof RotationPlan.IssueServing i) {
                String issued = r.after().serving().filter(p -> !dryRun).map(p -> " " + id(p.certificate())
                        + " for " + String.join(", ", names(p.certificate())) + ", valid until "
                        + notAfter(p.certificate())).orElse("");
                out.println("  new serving certificate" + issued + ": the current one " + i.reason());
            } else if (a instanceof RotationPlan.DropCa d) {
                out.println("  CA " + id(d.ca()) + " leaves ca.crt: " + d.reason());
            } else if (a instanceof RotationPlan.ForgetCaKey f) {
                out.println("  a key leaves ca.key: " + f.reason());
            } else if (a instanceof RotationPlan.RewriteRecord w) {
                out.println("  issued.crt: " + w.reason());
            }
        }
        for (String note : r.plan().notes()) {
            out.println("  note: " + note);
        }
        state(out, dryRun ? r.before() : r.after());
    }

    private static void state(PrintStream out, CertState s) {
        if (s.serving().isPresent()) {
            ServingPair p = s.serving().get();
            X509Certificate c = p.certificate();
            Duration life = Duration.between(c.getNotBefore().toInstant(), c.getNotAfter().toInstant());
            Instant renew = c.getNotAfter().toInstant().minus(life.dividedBy(3));
            String issuer = s.bundle().stream().filter(ca -> signed(c, ca)).map(Summary::id).findFirst()
                    .map(id -> ", signed by CA " + id).orElse(", signed by no CA in ca.crt");
            out.println("  serving certificate " + id(c) + ": valid until " + notAfter(c) + ", renews from " + renew
                    + issuer);
        }
        List<String> cas = s.bundle().stream().map(ca -> id(ca) + " (until " + notAfter(ca) + ")").toList();
        out.println("  ca.crt: " + (cas.isEmpty() ? "no CA" : String.join(", ", cas)));
    }

    static String id(X509Certificate c) {
        String s = c.getSerialNumber().toString(16);
        return s.length() <= 8 ? s : s.substring(0, 8);
    }

    private static Instant notAfter(X509Certificate c) {
        return c.getNotAfter().toInstant();
    }

    private static boolean signed(X509Certificate cert, X509Certificate ca) {
        try {
            cert.verify(ca.getPublicKey());
            return true;
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }

    private static List<String> names(X509Certificate c) {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> alt = c.getSubjectAlternativeNames();
            if (alt != null) {
                alt.forEach(e -> out.add(String.valueOf(e.get(1))));
            }
        } catch (CertificateParsingException e) {
            // none to show
        }
        return out;
    }
}
