package io.neo4jguard.core.rules.authrule;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.cypher.ConditionParser;
import io.neo4jguard.core.cypher.FunctionCall;
import io.neo4jguard.core.cypher.ParsedCondition;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.rules.refs.References;
import io.neo4jguard.core.tree.Node;
import io.neo4jguard.core.units.Parsed;
import io.neo4jguard.core.version.Feature;
import io.neo4jguard.core.version.Neo4jVersion;
import io.neo4jguard.core.version.ServerImage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The cluster an auth rule targets ({@code spec.clusterRef}) and whether its Neo4j version has auth rules
 * (CalVer 2026.03 and later, {@link Feature#AUTH_RULES}) and every function the condition calls. The anchor
 * operator checks the version only in its controller, after admission (status Failed,
 * AuthRuleVersionTooOld); here the object is refused up front.
 */
public final class AuthRuleTargetCheck implements Check {
    private static final Set<String> KINDS = Set.of(Kinds.AUTH_RULE);
    static final String FIELD = "spec.clusterRef";

    static final RuleMeta CLUSTER_REF_REQUIRED = new RuleMeta("authrule.cluster-ref-required",
            "An auth rule must name the cluster it is created in", Severity.ERROR, KINDS,
            "The operator creates the rule on the Neo4jEnterpriseCluster or Neo4jEnterpriseStandalone named by "
                    + "spec.clusterRef. Without it there is no server to create the rule on.",
            "Set spec.clusterRef to the name of a cluster or standalone in the same namespace.",
            "spec:\n  clusterRef: prod-cluster");

    static final RuleMeta VERSION_TOO_OLD = new RuleMeta("authrule.version-too-old",
            "Auth rules need Neo4j 2026.03 or later on the target", Severity.ERROR, KINDS,
            "CREATE AUTH RULE (attribute-based access control) exists from Neo4j 2026.03 (Cypher 25, Enterprise). "
                    + "On an older server the statement is a syntax error: the operator would mark the rule "
                    + "Failed with AuthRuleVersionTooOld and retry, and users would never get the roles.",
            "Upgrade the target to Neo4j 2026.03 or later, or point spec.clusterRef at a server that runs it.",
            "# target cluster\nspec:\n  image:\n    tag: 2026.03.0-enterprise");

    static final RuleMeta FUNCTION_TOO_NEW = new RuleMeta("authrule.condition-function-too-new",
            "The condition calls a function the target's Neo4j version does not have", Severity.ERROR, KINDS,
            "Some condition functions arrived after auth rules themselves: abac.native.user_tags() (native user "
                    + "tags) needs Neo4j 2026.06. On an older target Neo4j refuses the rule and the operator "
                    + "retries forever.",
            "Upgrade the target, or use abac.oidc.user_attribute(...) with an OIDC claim instead.",
            "spec:\n  condition: 'admin' IN abac.native.user_tags()   # on Neo4j 2026.06 or later");

    /** Only this check's own kinds: the shared refs.* rules it declares apply to every referring kind. */
    @Override
    public Set<String> kinds() {
        return Set.of(Kinds.AUTH_RULE);
    }

    @Override
    public List<RuleMeta> rules() {
        List<RuleMeta> rules = new ArrayList<>(List.of(CLUSTER_REF_REQUIRED, VERSION_TOO_OLD, FUNCTION_TOO_NEW));
        rules.addAll(References.RULES);
        return rules;
    }

    @Override
    public void check(RuleContext ctx) {
        if (!Kinds.AUTH_RULE.equals(ctx.kind())) {
            return; // the shared refs.* rules make the engine run this check for other kinds too
        }
        Node ref = ctx.spec().get("clusterRef");
        if (ref.text().map(String::isBlank).orElse(!ref.present())) {
            ctx.report(CLUSTER_REF_REQUIRED, FIELD, Messages.required("the Neo4jEnterpriseCluster or "
                    + "Neo4jEnterpriseStandalone to create the auth rule on"));
            return;
        }
        Optional<Resource> server = References.server(ctx, ref);
        if (server.isEmpty()) {
            return;
        }
        Parsed<Neo4jVersion> version = ServerImage.version(server.get());
        if (!version.ok()) {
            return; // the target's own image rule reports an unreadable tag
        }
        Neo4jVersion v = version.value();
        if (!Feature.AUTH_RULES.supportedBy(v)) {
            ctx.report(VERSION_TOO_OLD, FIELD, Messages.invalid(ref.textOr(""), Feature.AUTH_RULES.requirement()
                    + "; " + server.get().displayName() + " runs " + v),
                    "upgrade " + server.get().displayName() + " to 2026.03 or later, or target a server that runs it");
            return;
        }
        functionsTooNew(ctx, v, server.get());
    }

    private void functionsTooNew(RuleContext ctx, Neo4jVersion v, Resource server) {
        Optional<String> condition = ctx.spec().get("condition").scalarText();
        if (condition.isEmpty()) {
            return;
        }
        ParsedCondition parsed = ConditionParser.parse(condition.get());
        Set<String> seen = new HashSet<>();
        for (FunctionCall call : parsed.calls()) {
            Optional<Neo4jVersion> since = ConditionFunctions.since(call.normalizedName());
            if (since.isPresent() && !v.atLeast(since.get()) && seen.add(call.normalizedName())) {
                ctx.report(FUNCTION_TOO_NEW, AuthRuleConditionCheck.FIELD, Messages.invalid(call.name(),
                        call.name() + " needs Neo4j " + since.get() + " or later; " + server.displayName()
                                + " runs " + v), "upgrade the target or drop " + call.name() + " from the condition");
            }
        }
    }
}
