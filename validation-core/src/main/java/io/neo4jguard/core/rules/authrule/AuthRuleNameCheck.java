package io.neo4jguard.core.rules.authrule;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The name of the auth rule in Neo4j: {@code spec.name}, or {@code metadata.name} when spec.name is empty
 * (the reference operator, github.com/priyolahiri/neo4j-kubernetes-operator,
 * internal/validation/authrule_validator.go), checked against the operator's grammar and the CRD's length limit.
 */
public final class AuthRuleNameCheck implements Check {
    private static final Set<String> KINDS = Set.of(Kinds.AUTH_RULE);

    /**
     * The operator's auth-rule name grammar: a letter, then letters, digits, '_' and '-'. The operator puts the
     * name in backticks, so '-' is safe; '.' (allowed in metadata.name) is not part of it.
     */
    static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_-]*");
    /** The CRD's maxLength for spec.name (the operator's Neo4jAuthRule CRD), which the operator also enforces. */
    static final int MAX_LENGTH = 65;

    static final RuleMeta REQUIRED = new RuleMeta("authrule.name-required",
            "An auth rule needs a name", Severity.ERROR, KINDS,
            "The rule is created in Neo4j under spec.name, or metadata.name when spec.name is empty. With neither "
                    + "there is no name to create, grant roles to, or drop.",
            "Set spec.name (or metadata.name).",
            "spec:\n  name: analytics_team");

    static final RuleMeta INVALID = new RuleMeta("authrule.name-invalid",
            "The auth rule name must start with a letter and use only letters, digits, '_' and '-'",
            Severity.ERROR, KINDS,
            "The operator accepts auth rule names matching ^[a-zA-Z][a-zA-Z0-9_-]*$ and refuses others. "
                    + "metadata.name may contain '.' and start with a digit, so a rule that relies on "
                    + "metadata.name can fail where spec.name would not.",
            "Set spec.name to a name that starts with a letter and uses letters, digits, '_' and '-'.",
            "metadata:\n  name: analytics.team\nspec:\n  name: analytics_team");

    static final RuleMeta TOO_LONG = new RuleMeta("authrule.name-too-long",
            "The auth rule name must be at most 65 characters", Severity.ERROR, KINDS,
            "The CRD limits spec.name to 65 characters and the operator applies the same limit to the name it "
                    + "uses (metadata.name included), so a longer name is refused or never reconciled.",
            "Shorten spec.name to 65 characters or fewer.",
            "spec:\n  name: emea_business_hours");

    @Override
    public List<RuleMeta> rules() {
        return List.of(REQUIRED, INVALID, TOO_LONG);
    }

    @Override
    public void check(RuleContext ctx) {
        if (!Kinds.AUTH_RULE.equals(ctx.kind())) {
            return;
        }
        Node specName = ctx.spec().get("name");
        Node metaName = ctx.metadata().get("name");
        Optional<String> fromSpec = specName.scalarText().filter(s -> !s.isEmpty());
        Node at = fromSpec.isPresent() ? specName : metaName;
        Optional<String> name = fromSpec.or(() -> metaName.scalarText().filter(s -> !s.isEmpty()));
        if (name.isEmpty()) {
            ctx.report(REQUIRED, "spec.name", Messages.required("spec.name, or metadata.name when spec.name is "
                    + "empty, names the auth rule in Neo4j"));
            return;
        }
        String n = name.get();
        if (!NAME.matcher(n).matches()) {
            boolean fromMetadata = fromSpec.isEmpty();
            ctx.report(INVALID, at.path(), Messages.invalid(n, "an auth rule name must start with a letter and "
                    + "contain only letters, digits, '_' and '-' (regex ^[a-zA-Z][a-zA-Z0-9_-]*$)"
                    + (fromMetadata ? "; spec.name is empty, so metadata.name is used" : "")),
                    fromMetadata ? "set spec.name to a valid name; metadata.name can stay as it is"
                            : "for example " + suggestion(n));
        } else if (n.length() > MAX_LENGTH) {
            ctx.report(TOO_LONG, at.path(), Messages.tooLong(n, MAX_LENGTH),
                    fromSpec.isEmpty() ? "set a shorter spec.name" : "shorten the name");
        }
    }

    /** The name with every invalid character replaced by '_' and a leading letter ensured. */
    static String suggestion(String n) {
        String s = n.replaceAll("[^a-zA-Z0-9_-]", "_");
        boolean letterFirst = !s.isEmpty() && ((s.charAt(0) >= 'a' && s.charAt(0) <= 'z')
                || (s.charAt(0) >= 'A' && s.charAt(0) <= 'Z'));
        return letterFirst ? s : "rule_" + s;
    }
}
