package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.PatchOperation;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;
import io.neo4jguard.core.units.GoDuration;
import io.neo4jguard.core.units.Parsed;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code spec.tls} of clusters and standalones. With mode cert-manager the operator creates a cert-manager
 * Certificate from these fields, so they must pass cert-manager's own validation, and Neo4j's intra-cluster
 * mutual TLS needs both the server and the client EKU.
 */
public final class TlsCheck implements Check {
    static final String CERT_MANAGER = "cert-manager";
    static final List<String> MODES = List.of(CERT_MANAGER, "disabled");

    /** cert-manager's key usages (certmanager/v1 KeyUsage), exact lower-case spelling. */
    static final List<String> USAGES = List.of("digital signature", "key encipherment", "key agreement",
            "server auth", "client auth", "code signing", "email protection", "s/mime", "ipsec end system",
            "ipsec tunnel", "ipsec user", "timestamping", "ocsp signing", "microsoft sgc", "netscape sgc");
    /** Neo4j's cluster SSL policy with client_auth=REQUIRE makes every server both a TLS server and client. */
    static final List<String> REQUIRED_USAGES = List.of("server auth", "client auth");

    /** cert-manager's MinimumCertificateDuration: it refuses a Certificate with a shorter duration. */
    static final long MIN_DURATION = GoDuration.NANOS_PER_HOUR;
    /** cert-manager's MinimumRenewBefore: 5 minutes. */
    static final long MIN_RENEW_BEFORE = 5 * GoDuration.NANOS_PER_MINUTE;

    public static final RuleMeta MODE = rule("tls.mode", "tls.mode must be cert-manager or disabled", Severity.ERROR,
            "The operator knows two TLS modes: cert-manager (it requests a Certificate and configures Neo4j's SSL "
                    + "policies) and disabled. The CRD enum rejects anything else; note that a present tls block "
                    + "without mode defaults to cert-manager.",
            "Use cert-manager with an issuerRef, or disabled.",
            "spec:\n  tls:\n    mode: cert-manager\n    issuerRef:\n      name: ca-cluster-issuer\n      kind: ClusterIssuer");

    public static final RuleMeta ISSUER = rule("tls.issuer-required", "cert-manager mode needs issuerRef.name",
            Severity.ERROR,
            "In cert-manager mode the operator creates a Certificate signed by spec.tls.issuerRef. Without an "
                    + "issuer name the Certificate cannot be issued and the servers never get their keys. The "
                    + "issuer kind is deliberately free (Issuer, ClusterIssuer or an external issuer).",
            "Set spec.tls.issuerRef.name (and kind, ClusterIssuer by default).",
            "spec:\n  tls:\n    mode: cert-manager\n    issuerRef:\n      name: ca-cluster-issuer\n      kind: ClusterIssuer");

    public static final RuleMeta DURATION_FORMAT = rule("tls.duration-format",
            "duration and renewBefore must be Go durations", Severity.ERROR,
            "cert-manager parses Certificate durations with Go's time.ParseDuration, which knows h, m, s, ms, us "
                    + "and ns but no days: 90d is rejected and the Certificate is never created.",
            "Write hours: 2160h for 90 days, 720h for 30 days.",
            "spec:\n  tls:\n    duration: 2160h\n    renewBefore: 360h");

    public static final RuleMeta DURATION_RANGE = rule("tls.duration-range",
            "Certificate duration at least 1h, renewBefore at least 5m", Severity.ERROR,
            "cert-manager rejects Certificates whose duration is below 1h (MinimumCertificateDuration) or whose "
                    + "renewBefore is below 5m (MinimumRenewBefore); zero and negative values are therefore "
                    + "errors too. The reference operator lets them through.",
            "Use e.g. duration 2160h and renewBefore 360h.",
            "spec:\n  tls:\n    duration: 2160h\n    renewBefore: 360h");

    public static final RuleMeta RENEW_BEFORE = rule("tls.renew-before-duration",
            "renewBefore must be shorter than duration", Severity.ERROR,
            "cert-manager renews a certificate renewBefore ahead of its expiry. A renewBefore as long as the "
                    + "duration or longer means renewing immediately after issuance, forever; cert-manager "
                    + "rejects it.",
            "Keep renewBefore well below duration, e.g. a sixth of it.",
            "spec:\n  tls:\n    duration: 2160h\n    renewBefore: 360h");

    public static final RuleMeta USAGE_UNKNOWN = rule("tls.usage-unknown",
            "tls.usages entries must be cert-manager key usages", Severity.ERROR,
            "cert-manager accepts only its 15 key usage names, lower case with spaces (server auth, client auth, "
                    + "digital signature, key encipherment, ...). Any other value makes it reject the Certificate.",
            "Use cert-manager's spelling, e.g. \"server auth\" not \"serverAuth\", or omit usages for the defaults.",
            "spec:\n  tls:\n    usages: [digital signature, key encipherment, server auth, client auth]");

    public static final RuleMeta USAGE_DUPLICATE = rule("tls.usage-duplicate", "tls.usages must not repeat a usage",
            Severity.ERROR,
            "usages is a set of extended key usages; a repeated entry is a copy-paste slip that the reference "
                    + "operator and the CRD let through into the Certificate.",
            "List each usage once.",
            "spec:\n  tls:\n    usages: [server auth, client auth]");

    public static final RuleMeta USAGE_EKU = rule("tls.usage-missing-eku",
            "tls.usages must include server auth and client auth", Severity.ERROR,
            "The operator configures Neo4j's cluster SSL policy for mutual TLS (client_auth REQUIRE): each server "
                    + "presents its certificate both as a TLS server and as a client to its peers. A certificate "
                    + "without both extended key usages fails the peer handshake and the cluster never forms. "
                    + "The CRD rule requires both whenever usages is set, even with TLS disabled.",
            "Add server auth and client auth, or omit usages to get the operator's defaults.",
            "spec:\n  tls:\n    usages: [digital signature, key encipherment, server auth, client auth]");

    public static final RuleMeta EXTERNAL_SECRETS = rule("tls.external-secrets",
            "An enabled tls.externalSecrets needs a store and data", Severity.ERROR,
            "With externalSecrets.enabled the operator creates an External Secrets Operator ExternalSecret for "
                    + "the TLS material. ESO requires a secretStoreRef with a name (kind SecretStore or "
                    + "ClusterSecretStore), a Go-duration refreshInterval and at least one data entry with a "
                    + "secretKey and a remoteRef.key; otherwise no Secret is produced and the pods wait for it.",
            "Fill in secretStoreRef.name and at least one data entry.",
            "spec:\n  tls:\n    externalSecrets:\n      enabled: true\n      secretStoreRef:\n        name: vault\n"
                    + "        kind: ClusterSecretStore\n      data:\n        - secretKey: tls.crt\n"
                    + "          remoteRef:\n            key: neo4j/tls\n            property: crt");

    private static RuleMeta rule(String id, String title, Severity s, String why, String fix, String example) {
        return new RuleMeta(id, title, s, ServerSpecs.BOTH, why, fix, example);
    }

    @Override
    public List<RuleMeta> rules() {
        return List.of(MODE, ISSUER, DURATION_FORMAT, DURATION_RANGE, RENEW_BEFORE, USAGE_UNKNOWN, USAGE_DUPLICATE,
                USAGE_EKU, EXTERNAL_SECRETS);
    }

    @Override
    public void check(RuleContext ctx) {
        Node tls = ctx.spec().get("tls");
        if (!tls.isObject()) {
            return; // no tls block: TLS disabled
        }
        Node modeNode = tls.get("mode");
        // The CRD defaults mode to cert-manager inside a present tls block.
        String mode = modeNode.text().filter(s -> !s.isEmpty()).orElse(CERT_MANAGER);
        if (!MODES.contains(mode)) {
            Optional<String> canonical = ServerSpecs.canonical(mode, MODES);
            if (canonical.isPresent()) {
                ctx.report(MODE, modeNode.path(), Messages.notSupported(mode, MODES), "write " + canonical.get(),
                        ServerSpecs.replaceText(ServerSpecs.pointer("spec", "tls", "mode"), canonical.get()));
                mode = canonical.get();
            } else {
                ctx.report(MODE, modeNode.path(), Messages.notSupported(mode, MODES));
            }
        }
        if (mode.equals(CERT_MANAGER)) {
            Node issuer = tls.get("issuerRef");
            if (!issuer.isObject()) {
                ctx.report(ISSUER, issuer.path(), Messages.required("the cert-manager issuer that signs the server "
                                + "certificates" + (modeNode.present() ? "" : " (mode defaults to cert-manager in a "
                                + "tls block)")),
                        "add issuerRef: {name: <issuer>, kind: ClusterIssuer}, or set mode: disabled");
            } else if (ServerSpecs.blank(issuer.get("name"))) {
                ctx.report(ISSUER, issuer.get("name").path(), Messages.required("the name of the cert-manager "
                        + "Issuer or ClusterIssuer"));
            }
        }
        // With TLS disabled the operator ignores the certificate fields; only the CRD's EKU rule still applies.
        boolean certificate = !mode.equals("disabled");
        if (certificate) {
            checkDurations(ctx, tls);
        }
        checkUsages(ctx, tls.get("usages"), certificate);
        ExternalSecretsSpec.check(ctx, tls.get("externalSecrets"), EXTERNAL_SECRETS);
    }

    private void checkDurations(RuleContext ctx, Node tls) {
        OptionalLong duration = duration(ctx, tls.get("duration"), MIN_DURATION, "1h");
        OptionalLong renewBefore = duration(ctx, tls.get("renewBefore"), MIN_RENEW_BEFORE, "5m");
        if (duration.isPresent() && renewBefore.isPresent() && duration.getAsLong() >= MIN_DURATION
                && renewBefore.getAsLong() >= MIN_RENEW_BEFORE
                && renewBefore.getAsLong() >= duration.getAsLong()) {
            Node rb = tls.get("renewBefore");
            ctx.report(RENEW_BEFORE, rb.path(), Messages.invalid(rb.json(), "must be shorter than duration ("
                            + GoDuration.compact(duration.getAsLong()) + "): the certificate would be renewed as soon "
                            + "as it is issued"),
                    "e.g. duration 2160h with renewBefore 360h");
        }
    }

    /** The parsed value when valid and at least the minimum; reports otherwise. */
    private OptionalLong duration(RuleContext ctx, Node node, long min, String minText) {
        Optional<String> text = node.scalarText();
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        Parsed<Long> d = GoDuration.nanos(text.get());
        if (!d.ok()) {
            String fix = GoDuration.fix(text.get());
            String pointerField = node.path().substring(node.path().lastIndexOf('.') + 1);
            List<PatchOperation> patch = fix == null ? List.of()
                    : ServerSpecs.replaceText(ServerSpecs.pointer("spec", "tls", pointerField), fix);
            ctx.report(DURATION_FORMAT, node.path(), Messages.invalid(node.json(), d.error()),
                    fix == null ? "write hours, e.g. 2160h for 90 days" : "write " + fix + " (Go durations have "
                            + "no day unit)", patch);
            return OptionalLong.empty();
        }
        if (d.value() < min) {
            ctx.report(DURATION_RANGE, node.path(), Messages.invalid(node.json(), "must be at least " + minText
                    + " (cert-manager's minimum)"));
        }
        return OptionalLong.of(d.value());
    }

    private void checkUsages(RuleContext ctx, Node usages, boolean certificate) {
        List<Node> items = usages.items();
        if (items.isEmpty()) {
            return; // unset: the operator's defaults include both EKUs
        }
        Set<String> seen = new HashSet<>();
        Set<String> misspelt = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            Optional<String> text = item.text();
            if (text.isEmpty()) {
                continue;
            }
            String u = text.get();
            if (!certificate) {
                seen.add(u);
            } else if (!USAGES.contains(u)) {
                Optional<String> canonical = spelling(u);
                if (canonical.isPresent()) {
                    misspelt.add(canonical.get());
                    ctx.report(USAGE_UNKNOWN, item.path(), Messages.notSupported(u, USAGES),
                            "cert-manager spells it " + Messages.quote(canonical.get()),
                            ServerSpecs.replaceText(ServerSpecs.pointer("spec", "tls", "usages", i),
                                    canonical.get()));
                } else {
                    ctx.report(USAGE_UNKNOWN, item.path(), Messages.notSupported(u, USAGES),
                            "omit usages to get the operator's defaults");
                }
            } else if (!seen.add(u)) {
                ctx.report(USAGE_DUPLICATE, item.path(), Messages.duplicate(u), "list each usage once");
            }
        }
        List<String> missing = new ArrayList<>();
        for (String required : REQUIRED_USAGES) {
            // A misspelt "Server Auth" is reported (and fixed) above as unknown, not as missing.
            if (!seen.contains(required) && !misspelt.contains(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            List<PatchOperation> fix = new ArrayList<>();
            for (String m : missing) {
                fix.add(PatchOperation.add(ServerSpecs.pointer("spec", "tls", "usages", "-"), ServerSpecs.text(m)));
            }
            ctx.report(USAGE_EKU, usages.path(), Messages.required("usages must include "
                            + String.join(" and ", missing.stream().map(Messages::quote).toList())
                            + ": Neo4j's cluster TLS is mutual, each server is TLS server and client"),
                    "add " + String.join(" and ", missing) + ", or omit usages for the defaults", fix);
        }
    }

    /** {@code serverAuth}, {@code Server Auth}, {@code server-auth} -> {@code server auth}. */
    private static Optional<String> spelling(String u) {
        String normal = u.trim().replaceAll("([a-z])([A-Z])", "$1 $2").replace('-', ' ').replace('_', ' ')
                .replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return USAGES.contains(normal) ? Optional.of(normal) : Optional.empty();
    }
}
