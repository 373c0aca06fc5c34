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
import java.util.Optional;
import java.util.Set;

/**
 * {@code spec.seedURI}: where CREATE DATABASE seeds the store from, and the settings that only make sense with
 * it. Every problem is reported (the reference stops after the first structural error of the URI).
 */
public final class SeedUriCheck implements Check {
    static final RuleMeta SEED_URI_INVALID = new RuleMeta("database.seed-uri-invalid",
            "seedURI is not a seed location Neo4j can read", Severity.ERROR, Set.of(Kinds.DATABASE),
            "Neo4j seeds a new database through a seed provider chosen by the URI scheme: s3, gs and azb (cloud "
                    + "storage) or https, http and ftp. Any other scheme, a missing bucket/host or a URI that names "
                    + "no object makes CREATE DATABASE fail, after the operator has already started it.",
            "Point seedURI at the backup or dump object: s3://bucket/path/db.backup, gs://..., azb://..., "
                    + "https://host/path/db.backup.",
            "spec:\n  seedURI: s3://prod-backups/sales/sales-2025-01-15.backup");

    static final RuleMeta SEED_URI_PLAINTEXT = new RuleMeta("database.seed-uri-plaintext",
            "seedURI downloads the store over an unencrypted protocol", Severity.WARNING, Set.of(Kinds.DATABASE),
            "http:// and ftp:// carry the database files, and any USERNAME/PASSWORD from seedCredentials, in clear "
                    + "text and without integrity protection: anyone on the path can read or alter the seed.",
            "Serve the seed over https://, or from s3/gs/azb.",
            "spec:\n  seedURI: https://backups.example.com/neo4j/db.backup");

    static final RuleMeta SEED_URI_DUMP = new RuleMeta("database.seed-dump-restore-until",
            "restoreUntil is set for a seed that is a dump", Severity.WARNING, Set.of(Kinds.DATABASE),
            "Point-in-time seeding replays transaction logs up to restoreUntil, and only backup artefacts "
                    + "(neo4j-admin database backup) carry transaction logs. A .dump is a plain store snapshot: "
                    + "there is nothing to replay, so the database cannot be seeded as of restoreUntil.",
            "Seed from a .backup artefact for point-in-time seeding, or drop restoreUntil.",
            "spec:\n  seedURI: s3://prod-backups/sales.backup\n  seedConfig:\n    restoreUntil: \"2025-01-15T10:30:00Z\"");

    static final RuleMeta SEED_WITH_INITIAL_DATA = new RuleMeta("database.seed-initial-data-conflict",
            "seedURI and initialData are both set", Severity.ERROR, Set.of(Kinds.DATABASE),
            "A seeded database starts as a copy of the seed; the operator does not run initialData against it, "
                    + "so one of the two declarations is silently dropped and the database is not what the "
                    + "object describes.",
            "Keep one source: seed from seedURI, or create empty and load initialData.",
            "spec:\n  seedURI: s3://prod-backups/sales.backup   # and no initialData");

    static final RuleMeta SEED_SETTINGS_IGNORED = new RuleMeta("database.seed-settings-ignored",
            "Seed settings without a seedURI are ignored", Severity.WARNING, Set.of(Kinds.DATABASE),
            "spec.seedConfig and spec.seedCredentials only affect a database created from spec.seedURI. Without "
                    + "it the operator creates an empty database and ignores them, which usually means the seed "
                    + "URI was forgotten or misspelt.",
            "Add spec.seedURI, or remove seedConfig/seedCredentials.",
            "spec:\n  seedURI: gs://backups/analytics.backup\n  seedConfig:\n    restoreUntil: \"txId:98765\"");

    static final RuleMeta SEED_AMBIENT_CREDENTIALS = new RuleMeta("database.seed-ambient-credentials",
            "A cloud seed without seedCredentials relies on the pods' own cloud identity", Severity.WARNING,
            Set.of(Kinds.DATABASE),
            "Without spec.seedCredentials, Neo4j's cloud seed provider authenticates with whatever the Neo4j pods "
                    + "have: IRSA/workload identity, instance roles or environment variables. If they have none, "
                    + "CREATE DATABASE fails with an access error only at creation time.",
            "Make sure the Neo4j service account can read the bucket, or reference a Secret in seedCredentials.",
            "spec:\n  seedCredentials:\n    secretRef: s3-backup-credentials");

    @Override
    public List<RuleMeta> rules() {
        return List.of(SEED_URI_INVALID, SEED_URI_PLAINTEXT, SEED_URI_DUMP, SEED_WITH_INITIAL_DATA,
                SEED_SETTINGS_IGNORED, SEED_AMBIENT_CREDENTIALS);
    }

    @Override
    public void check(RuleContext ctx) {
        Node spec = ctx.spec();
        Node uriNode = spec.get("seedURI");
        Optional<String> text = uriNode.text().filter(s -> !s.isBlank());
        Node seedConfig = spec.get("seedConfig");
        Node seedCredentials = spec.get("seedCredentials");
        if (text.isEmpty()) {
            for (Node n : List.of(seedConfig, seedCredentials)) {
                if (n.present() && n.size() > 0) {
                    ctx.report(SEED_SETTINGS_IGNORED, n.path(), Messages.invalid(n.json(),
                            "has no effect without spec.seedURI"), "set spec.seedURI or remove this block");
                }
            }
            return;
        }
        String uri = text.get();
        SeedUri.Parsed parsed = SeedUri.parse(uri);
        if (parsed.error() != null) {
            ctx.report(SEED_URI_INVALID, uriNode.path(), Messages.invalid(redactUserInfo(uri), parsed.error()),
                    "e.g. s3://bucket/path/db.backup");
        }
        Node initialData = spec.get("initialData");
        if (initialData.present() && initialData.size() > 0) {
            ctx.report(SEED_WITH_INITIAL_DATA, initialData.path(), Messages.forbidden(
                    "initialData cannot be combined with spec.seedURI: a seeded database is not loaded again"),
                    "remove initialData or seedURI");
        }
        if (parsed.uri() == null) {
            return;
        }
        SeedUri seed = parsed.uri();
        if (seed.plaintext()) {
            ctx.report(SEED_URI_PLAINTEXT, uriNode.path(), Messages.invalid(redactUserInfo(uri),
                    seed.scheme() + " transfers the seed unencrypted"), "use https:// or cloud storage");
        }
        Node restoreUntil = seedConfig.get("restoreUntil");
        if (seed.path().toLowerCase(Locale.ROOT).endsWith(".dump")
                && restoreUntil.text().filter(t -> !t.isBlank()).isPresent()) {
            ctx.report(SEED_URI_DUMP, restoreUntil.path(), Messages.invalid(restoreUntil.json(),
                    "the seed is a dump, which has no transaction logs to replay up to this point"),
                    "seed from a .backup artefact or remove restoreUntil");
        }
        boolean hasCredentials = seedCredentials.get("secretRef").text().filter(s -> !s.isBlank()).isPresent();
        if (seed.cloud() && !hasCredentials) {
            ctx.report(SEED_AMBIENT_CREDENTIALS, uriNode.path(), Messages.invalid(redactUserInfo(uri),
                    "no spec.seedCredentials: " + seed.scheme()
                            + " access relies on the Neo4j pods' own cloud identity"),
                    "grant the Neo4j service account read access, or set spec.seedCredentials.secretRef");
        }
    }

    /** {@code https://user:pw@host/x} must not be echoed with its password. */
    static String redactUserInfo(String uri) {
        return uri.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@", "$1<redacted>@");
    }
}
