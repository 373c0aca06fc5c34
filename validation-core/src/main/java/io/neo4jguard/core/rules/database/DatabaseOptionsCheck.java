package io.neo4jguard.core.rules.database;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code spec.options}: the {@code OPTIONS {...}} map of CREATE DATABASE. The operator passes only the option
 * names Neo4j documents for CREATE DATABASE (matched case-insensitively after stripping quotes), so any other
 * key is refused there. Values follow Neo4j's operations manual:
 * <ul>
 *   <li>{@code txLogEnrichment}: FULL, DIFF or OFF (change data capture; the reference wrongly refuses FULL);</li>
 *   <li>{@code storeFormat}: block (the Enterprise default since 5.22), aligned, and the deprecated (5.23)
 *       standard and high_limit, which Neo4j stops opening after the next LTS;</li>
 *   <li>{@code existingData}: only {@code use} (with a seed instance/server).</li>
 * </ul>
 */
public final class DatabaseOptionsCheck implements Check {
    /** Canonical spelling by lower-cased key. */
    static final Map<String, String> KNOWN = Map.of(
            "existingdata", "existingData",
            "existingdataseedinstance", "existingDataSeedInstance",
            "existingdataseedserver", "existingDataSeedServer",
            "existingmetadata", "existingMetadata",
            "seeduri", "seedURI",
            "seedconfig", "seedConfig",
            "seedcredentials", "seedCredentials",
            "txlogenrichment", "txLogEnrichment",
            "storeformat", "storeFormat");

    static final List<String> TX_LOG_ENRICHMENT = List.of("FULL", "DIFF", "OFF");
    static final List<String> STORE_FORMATS = List.of("block", "aligned", "standard", "high_limit");
    static final Set<String> DEPRECATED_STORE_FORMATS = Set.of("standard", "high_limit");
    static final List<String> EXISTING_DATA = List.of("use");

    static final RuleMeta OPTION_UNKNOWN = new RuleMeta("database.option-unknown",
            "spec.options names an option CREATE DATABASE does not have", Severity.ERROR, Set.of(Kinds.DATABASE),
            "The operator renders spec.options into CREATE DATABASE ... OPTIONS {...} and refuses keys that are "
                    + "not CREATE DATABASE options (existingData, existingDataSeedServer, existingMetadata, "
                    + "seedURI, seedConfig, seedCredentials, txLogEnrichment, storeFormat, ...). Server settings "
                    + "such as db.format belong in the cluster's spec.config, not here; dots in keys are turned "
                    + "into underscores and never match an option.",
            "Remove the key, or move server settings to the cluster's spec.config and seed settings to "
                    + "spec.seedURI/seedConfig.",
            "spec:\n  options:\n    txLogEnrichment: DIFF\n    storeFormat: block");

    static final RuleMeta OPTION_VALUE_INVALID = new RuleMeta("database.option-value-invalid",
            "A CREATE DATABASE option has a value Neo4j does not accept", Severity.ERROR, Set.of(Kinds.DATABASE),
            "Neo4j validates option values when the database is created: txLogEnrichment is FULL, DIFF or OFF; "
                    + "storeFormat is block, aligned, standard or high_limit; existingData is 'use'; no option "
                    + "may be empty. A bad value fails CREATE DATABASE.",
            "Use one of the documented values.",
            "spec:\n  options:\n    txLogEnrichment: FULL");

    static final RuleMeta OPTION_DEPRECATED = new RuleMeta("database.option-deprecated",
            "spec.options uses a deprecated or superseded option", Severity.WARNING, Set.of(Kinds.DATABASE),
            "Seeding through options duplicates spec.seedURI/seedConfig/seedCredentials (the spec fields win "
                    + "when both are set) and puts credentials into the object in plain text; "
                    + "existingDataSeedInstance is superseded by existingDataSeedServer; the standard and "
                    + "high_limit store formats are deprecated since 5.23 and will not be opened after the next LTS.",
            "Use spec.seedURI, spec.seedConfig and spec.seedCredentials (a Secret) for seeding, "
                    + "existingDataSeedServer, and storeFormat block.",
            "spec:\n  seedURI: s3://backups/sales.backup\n  options:\n    storeFormat: block");

    @Override
    public List<RuleMeta> rules() {
        return List.of(OPTION_UNKNOWN, OPTION_VALUE_INVALID, OPTION_DEPRECATED);
    }

    @Override
    public void check(RuleContext ctx) {
        for (Map.Entry<String, Node> e : ctx.spec().get("options").fields().entrySet()) {
            String rawKey = e.getKey();
            Node value = e.getValue();
            String key = rawKey.replace("\"", "").trim();
            String canonical = KNOWN.get(key.toLowerCase(Locale.ROOT));
            if (canonical == null) {
                ctx.report(OPTION_UNKNOWN, value.path(), Messages.notSupported(rawKey, KNOWN.values().stream()
                                .sorted().toList()),
                        hintFor(key));
                continue;
            }
            Optional<String> v = value.scalarText().map(String::trim);
            if (v.isEmpty()) {
                if (!value.present() || value.isText()) {
                    ctx.report(OPTION_VALUE_INVALID, value.path(), Messages.required("a value for " + canonical),
                            "give the option a value or remove it");
                }
                continue;
            }
            if (v.get().isEmpty()) {
                ctx.report(OPTION_VALUE_INVALID, value.path(), Messages.required("a value for " + canonical),
                        "give the option a value or remove it");
                continue;
            }
            checkValue(ctx, canonical, value, v.get());
        }
    }

    private static void checkValue(RuleContext ctx, String option, Node node, String v) {
        switch (option) {
            case "txLogEnrichment" -> {
                if (!TX_LOG_ENRICHMENT.contains(v.toUpperCase(Locale.ROOT))) {
                    ctx.report(OPTION_VALUE_INVALID, node.path(), Messages.notSupported(v, TX_LOG_ENRICHMENT),
                            "FULL records full before/after states for CDC, DIFF only changes, OFF disables");
                }
            }
            case "storeFormat" -> {
                if (!STORE_FORMATS.contains(v)) {
                    ctx.report(OPTION_VALUE_INVALID, node.path(), Messages.notSupported(v, STORE_FORMATS),
                            "block is the recommended Enterprise format");
                } else if (DEPRECATED_STORE_FORMATS.contains(v)) {
                    ctx.report(OPTION_DEPRECATED, node.path(), Messages.invalid(v,
                            "the " + v + " store format is deprecated since Neo4j 5.23"), "use storeFormat: block");
                }
            }
            case "existingData" -> {
                if (!EXISTING_DATA.contains(v)) {
                    ctx.report(OPTION_VALUE_INVALID, node.path(), Messages.notSupported(v, EXISTING_DATA),
                            "existingData only takes 'use'");
                }
            }
            case "seedURI", "seedConfig" -> ctx.report(OPTION_DEPRECATED, node.path(), Messages.invalid(
                    option + " in options", "superseded by spec." + option + ", which wins when both are set"),
                    "move it to spec." + option);
            case "seedCredentials" -> ctx.report(OPTION_DEPRECATED, node.path(), Messages.invalidRedacted(
                    "credentials in spec.options are stored in the object in plain text"),
                    "put them in a Secret and reference it from spec.seedCredentials.secretRef");
            case "existingDataSeedInstance" -> ctx.report(OPTION_DEPRECATED, node.path(), Messages.invalid(v,
                    "existingDataSeedInstance is superseded by existingDataSeedServer"),
                    "use existingDataSeedServer");
            default -> {
                // existingDataSeedServer, existingMetadata: free-form, checked by Neo4j
            }
        }
    }

    private static String hintFor(String key) {
        if (key.contains(".")) {
            return "looks like a server setting: set it in the cluster's spec.config (dots become '_' here)";
        }
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.contains("restore")) {
            return "use spec.seedConfig.restoreUntil";
        }
        return "CREATE DATABASE options: " + String.join(", ", KNOWN.values().stream().sorted().toList());
    }
}
