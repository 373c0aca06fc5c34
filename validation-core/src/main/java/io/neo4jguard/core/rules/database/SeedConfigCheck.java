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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code spec.seedConfig}: the provider configuration and the point-in-time bound. Checked whether or not a
 * seedURI is set (the reference skips it then), so a mistake does not surface only when the URI is added.
 */
public final class SeedConfigCheck implements Check {
    /** The operator's key grammar for the comma-separated {@code seedConfig} option string. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]+");

    /**
     * Characters that would break the {@code key=value,key=value} string Neo4j's seedConfig option is, or the
     * quoting around it: the operator refuses the same set.
     */
    private static final String FORBIDDEN_IN_VALUE = ",='`\n\r";

    static final RuleMeta SEED_CONFIG_INVALID = new RuleMeta("database.seed-config-invalid",
            "A seedConfig entry cannot be passed to the seed provider", Severity.ERROR, Set.of(Kinds.DATABASE),
            "The operator joins spec.seedConfig.config into Neo4j's seedConfig option, a single string of "
                    + "key=value pairs separated by commas. A key outside [A-Za-z0-9._-] or a value containing "
                    + "',', '=', a quote, a backtick or a line break would split into different settings, so the "
                    + "operator refuses it.",
            "Use simple keys and values; set credentials through seedCredentials, not seedConfig.",
            "spec:\n  seedConfig:\n    config:\n      region: eu-west-1");

    static final RuleMeta RESTORE_UNTIL_INVALID = new RuleMeta("database.restore-until-invalid",
            "restoreUntil is neither txId:<digits> nor an RFC 3339 timestamp", Severity.ERROR,
            Set.of(Kinds.DATABASE),
            "Neo4j seeds up to a transaction id or a point in time. The operator accepts txId:<n> (a 64-bit "
                    + "transaction id) or an RFC 3339 timestamp with seconds and offset; anything else is refused "
                    + "and the database is never created.",
            "Write txId:12345 or 2025-01-15T10:30:00Z.",
            "spec:\n  seedConfig:\n    restoreUntil: \"2025-01-15T10:30:00Z\"");

    static final RuleMeta RESTORE_UNTIL_VERSION = new RuleMeta("database.restore-until-version",
            "restoreUntil needs Neo4j 2025.01 or later", Severity.ERROR, Set.of(Kinds.DATABASE),
            "The seedRestoreUntil option of CREATE DATABASE was added in Neo4j 2025.01; 5.26 does not know it. "
                    + "The operator refuses restoreUntil for a 5.x target.",
            "Upgrade the target to 2025.01 or later, or seed the latest state without restoreUntil.",
            "# target runs 2025.01 or later\nspec:\n  seedConfig:\n    restoreUntil: \"txId:98765\"");

    @Override
    public List<RuleMeta> rules() {
        return List.of(SEED_CONFIG_INVALID, RESTORE_UNTIL_INVALID, RESTORE_UNTIL_VERSION);
    }

    @Override
    public void check(RuleContext ctx) {
        Node seedConfig = ctx.spec().get("seedConfig");
        for (Map.Entry<String, Node> e : seedConfig.get("config").fields().entrySet()) {
            String key = e.getKey();
            Node value = e.getValue();
            if (!KEY.matcher(key).matches()) {
                ctx.report(SEED_CONFIG_INVALID, value.path(), Messages.invalid(key,
                        "seedConfig keys may contain only letters, digits, '.', '_' and '-'"), "rename the key");
            }
            Optional<String> v = value.scalarText();
            if (v.isPresent()) {
                String bad = forbiddenIn(v.get());
                if (!bad.isEmpty()) {
                    ctx.report(SEED_CONFIG_INVALID, value.path(), Messages.invalid(value.json(),
                            "seedConfig values must not contain " + bad), "remove the character");
                }
            }
        }
        Node restoreUntil = seedConfig.get("restoreUntil");
        Optional<String> until = restoreUntil.text().map(String::trim).filter(s -> !s.isEmpty());
        if (until.isEmpty()) {
            return;
        }
        RestoreUntil.problem(until.get()).ifPresent(problem ->
                ctx.report(RESTORE_UNTIL_INVALID, restoreUntil.path(), Messages.invalid(until.get(), problem),
                        "write txId:12345 or 2025-01-15T10:30:00Z"));
        Optional<Neo4jVersion> version = Target.of(ctx).flatMap(Target::version);
        if (version.isPresent() && !Feature.SEED_RESTORE_UNTIL.supportedBy(version.get())) {
            ctx.report(RESTORE_UNTIL_VERSION, restoreUntil.path(), Messages.forbidden(
                    Feature.SEED_RESTORE_UNTIL.requirement() + "; the target runs " + version.get()),
                    "upgrade the target to 2025.01+ or remove restoreUntil");
        }
    }

    private static String forbiddenIn(String value) {
        StringBuilder found = new StringBuilder();
        for (char c : FORBIDDEN_IN_VALUE.toCharArray()) {
            if (value.indexOf(c) >= 0) {
                if (found.length() > 0) {
                    found.append(", ");
                }
                found.append(switch (c) {
                    case '\n' -> "a line feed";
                    case '\r' -> "a carriage return";
                    default -> "'" + c + "'";
                });
            }
        }
        return found.toString();
    }
}
