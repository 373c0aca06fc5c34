package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;

import java.util.List;
import java.util.Optional;

/** {@code spec.acceptLicenseAgreement} of clusters and standalones. */
public final class LicenseCheck implements Check {
    /** The two values Neo4j Enterprise's image accepts in NEO4J_ACCEPT_LICENSE_AGREEMENT (and the CRD enum). */
    static final List<String> VALUES = List.of("yes", "eval");

    public static final RuleMeta ACCEPT = new RuleMeta("license.accept-agreement",
            "The Neo4j Enterprise licence agreement must be accepted with \"yes\" or \"eval\"",
            Severity.ERROR, ServerSpecs.BOTH,
            "Neo4j Enterprise Edition does not start until NEO4J_ACCEPT_LICENSE_AGREEMENT is yes (you hold a "
                    + "commercial licence) or eval (30-day evaluation). The operator copies "
                    + "spec.acceptLicenseAgreement into that variable and refuses to deploy without it, so any "
                    + "other value leaves the server pods unscheduled. The value is case-sensitive. In YAML 1.1, "
                    + "as kubectl reads it, an unquoted yes is the boolean true, which the CRD's string field "
                    + "rejects with a type error that does not say why.",
            "Set spec.acceptLicenseAgreement to the quoted string \"yes\" if you hold a Neo4j commercial licence, "
                    + "or \"eval\" for the evaluation licence.",
            "spec:\n  acceptLicenseAgreement: \"yes\"   # quoted: unquoted yes is a YAML boolean");

    @Override
    public List<RuleMeta> rules() {
        return List.of(ACCEPT);
    }

    @Override
    public void check(RuleContext ctx) {
        Node v = ctx.spec().get("acceptLicenseAgreement");
        String path = v.path();
        String pointer = ServerSpecs.pointer("spec", "acceptLicenseAgreement");
        if (ServerSpecs.blank(v)) {
            ctx.report(ACCEPT, path, Messages.required("Neo4j Enterprise needs the licence accepted: \"yes\" "
                            + "(commercial licence) or \"eval\" (30-day evaluation)"),
                    "add acceptLicenseAgreement: \"yes\" (or \"eval\") under spec");
            return;
        }
        Optional<Boolean> bool = v.bool();
        if (bool.isPresent() && !bool.get()) {
            // no/off/false unquoted: the type is wrong, but so is the intent; quoting would not accept anything.
            ctx.report(ACCEPT, path, Messages.invalid(v.json(), "must be the string \"yes\" or \"eval\"; "
                            + "the licence is not accepted"),
                    "unquoted no/false is a YAML boolean; write \"yes\" or \"eval\" to accept the licence");
            return;
        }
        Optional<String> text = v.text();
        if (text.isEmpty()) {
            // Any other non-string (yes/on/true unquoted, a number) is a type error that the structure check
            // reports once, with the fix to quote it; saying it twice would only add noise.
            return;
        }
        String s = text.get();
        if (VALUES.contains(s)) {
            return;
        }
        Optional<String> canonical = ServerSpecs.canonical(s, VALUES);
        if (canonical.isPresent()) {
            ctx.report(ACCEPT, path, Messages.notSupported(s, VALUES),
                    "the value is case-sensitive and has no spaces: write \"" + canonical.get() + "\"",
                    ServerSpecs.replaceText(pointer, canonical.get()));
        } else {
            ctx.report(ACCEPT, path, Messages.notSupported(s, VALUES),
                    "\"yes\" accepts the commercial licence you hold, \"eval\" the 30-day evaluation licence");
        }
    }
}
