package io.neo4jguard.core.rules.database;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;
import io.neo4jguard.core.version.Feature;
import io.neo4jguard.core.version.Neo4jVersion;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code spec.defaultCypherLanguage}: rendered by the operator as {@code CREATE DATABASE ... DEFAULT LANGUAGE
 * CYPHER n} on CalVer targets and dropped on 5.26 (which cannot parse the clause). Neo4j has the clause and
 * Cypher 25 only from 2025.06 ({@link Feature#CYPHER_25};
 * https://neo4j.com/docs/operations-manual/current/configuration/configuration-settings/#config_db.query.default_language),
 * hence:
 * <ul>
 *   <li>"25" below 2025.06: an error (5.26 runs only Cypher 5; 2025.01-2025.05 cannot parse the clause);</li>
 *   <li>"5" on 2025.01-2025.05: an error (the operator renders the clause for any CalVer, the server refuses it);</li>
 *   <li>"5" on 5.26: fine, the clause is dropped and Cypher 5 is all 5.26 has.</li>
 * </ul>
 */
public final class CypherLanguageCheck implements Check {
    static final List<String> SUPPORTED = List.of("5", "25");

    static final RuleMeta LANGUAGE_INVALID = new RuleMeta("database.cypher-language-invalid",
            "defaultCypherLanguage is neither \"5\" nor \"25\"", Severity.ERROR, Set.of(Kinds.DATABASE),
            "Neo4j knows two Cypher language versions, 5 and 25; the operator renders the value into DEFAULT "
                    + "LANGUAGE CYPHER <n>. Any other value is refused by the CRD or by Neo4j.",
            "Write \"5\" or \"25\" (quoted: the field is a string).",
            "spec:\n  defaultCypherLanguage: \"25\"");

    static final RuleMeta LANGUAGE_VERSION = new RuleMeta("database.cypher-language-version",
            "The target's Neo4j version cannot set this default Cypher language", Severity.ERROR,
            Set.of(Kinds.DATABASE),
            "Cypher 25 and the DEFAULT LANGUAGE clause of CREATE DATABASE arrived in Neo4j 2025.06. On 5.26 the "
                    + "operator refuses \"25\" (only Cypher 5 exists there); on 2025.01 to 2025.05 it renders the "
                    + "clause, which those versions cannot parse, so CREATE DATABASE fails.",
            "Remove defaultCypherLanguage (5.26 and 2025.01-2025.05 run Cypher 5), or upgrade the cluster to "
                    + "2025.06 or later for Cypher 25.",
            "# target runs 2025.06 or later\nspec:\n  defaultCypherLanguage: \"25\"");

    static final RuleMeta CYPHER_5_FROZEN = new RuleMeta("database.cypher-5-frozen",
            "New database pinned to the frozen Cypher 5", Severity.WARNING, Set.of(Kinds.DATABASE),
            "Since Neo4j 2025.06 Cypher 5 is frozen: new language features, functions and APOC changes land in "
                    + "Cypher 25 only. A new database that defaults to Cypher 5 on a server that offers Cypher 25 "
                    + "is usually a leftover, not a choice.",
            "Use \"25\" for new databases, or keep \"5\" deliberately for queries not yet ported.",
            "spec:\n  defaultCypherLanguage: \"25\"");

    @Override
    public List<RuleMeta> rules() {
        return List.of(LANGUAGE_INVALID, LANGUAGE_VERSION, CYPHER_5_FROZEN);
    }

    @Override
    public void check(RuleContext ctx) {
        Node lang = ctx.spec().get("defaultCypherLanguage");
        Optional<String> value = lang.scalarText().map(String::trim);
        if (value.isEmpty() || value.get().isEmpty()) {
            return; // unset: the server's db.query.default_language applies
        }
        String v = value.get();
        if (!SUPPORTED.contains(v)) {
            String upper = v.toUpperCase(Locale.ROOT).replace(" ", "").replace("_", "");
            String hint = upper.endsWith("25") ? "write \"25\"" : upper.endsWith("5") ? "write \"5\""
                    : "write \"5\" or \"25\"";
            ctx.report(LANGUAGE_INVALID, lang.path(), Messages.notSupported(v, SUPPORTED), hint);
            return;
        }
        Optional<Neo4jVersion> version = Target.of(ctx).flatMap(Target::version);
        if (version.isEmpty()) {
            return; // target or its tag unknown: the gate cannot be judged
        }
        Neo4jVersion target = version.get();
        boolean has25 = Feature.CYPHER_25.supportedBy(target);
        if (v.equals("25") && !has25) {
            ctx.report(LANGUAGE_VERSION, lang.path(), Messages.invalid(v, Feature.CYPHER_25.requirement()
                            + "; the target runs " + target),
                    target.isCalVer() ? "upgrade the cluster to 2025.06 or later, or remove defaultCypherLanguage"
                            : "5.26 runs only Cypher 5: remove defaultCypherLanguage or upgrade to 2025.06+");
        } else if (v.equals("5") && !has25 && target.isCalVer()) {
            ctx.report(LANGUAGE_VERSION, lang.path(), Messages.invalid(v, "Neo4j " + target
                            + " cannot parse DEFAULT LANGUAGE (added in " + Feature.CYPHER_25.since() + ")"),
                    "remove defaultCypherLanguage: " + target + " runs Cypher 5 anyway");
        } else if (v.equals("5") && has25) {
            ctx.report(CYPHER_5_FROZEN, lang.path(), Messages.invalid(v,
                    "Cypher 5 is frozen since " + Feature.CYPHER_25.since() + "; new features land in Cypher 25"),
                    "use \"25\" unless the database's queries still need Cypher 5");
        }
    }
}
