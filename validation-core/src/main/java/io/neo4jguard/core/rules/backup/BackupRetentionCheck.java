package io.neo4jguard.core.rules.backup;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code spec.retention} of a Neo4jBackup: {@code maxAge}, {@code maxCount}, {@code deletePolicy}. */
public final class BackupRetentionCheck implements Check {
    private static final Set<String> KINDS = Set.of(Kinds.BACKUP);

    /** The operator's grammar for maxAge: one positive whole number and one unit, days allowed (30d, 168h). */
    private static final Pattern MAX_AGE = Pattern.compile("([1-9][0-9]*)([dhms])");

    /**
     * The operator turns maxAge into a Go time.Duration, a signed 64-bit count of nanoseconds:
     * (2^63 - 1) ns = 9,223,372,036 s = 153,722,867 min = 2,562,047 h = 106,751 days (about 292 years).
     */
    private static final Map<String, BigInteger> MAX_AGE_LIMIT = Map.of(
            "s", BigInteger.valueOf(9_223_372_036L),
            "m", BigInteger.valueOf(153_722_867L),
            "h", BigInteger.valueOf(2_562_047L),
            "d", BigInteger.valueOf(106_751L));

    private static final List<String> DELETE_POLICIES = List.of("Delete");

    public static final RuleMeta MAX_AGE_RULE = new RuleMeta("backup.retention-max-age",
            "retention.maxAge must be a number and one unit", Severity.ERROR, KINDS,
            "The operator reads maxAge as one positive whole number followed by d, h, m or s (30d, 168h). Go "
                    + "duration chains (1h30m), fractions, weeks or a zero age are refused, and the backup is "
                    + "marked Invalid.",
            "Write maxAge as <number><d|h|m|s>, e.g. 30d or 168h.",
            "retention:\n  maxAge: 30d\n  maxCount: 30");

    public static final RuleMeta MAX_COUNT = new RuleMeta("backup.retention-max-count",
            "retention.maxCount must not be negative", Severity.ERROR, KINDS,
            "maxCount is how many backups to keep; a negative count is refused by the operator. 0 means \"not "
                    + "set\" (the field is omitted when zero).",
            "Use a count of 1 or more, or leave it out and use maxAge.",
            "retention:\n  maxCount: 7");

    public static final RuleMeta EMPTY = new RuleMeta("backup.retention-empty",
            "retention needs maxAge or maxCount", Severity.ERROR, KINDS,
            "A retention block with neither maxAge nor a maxCount of at least 1 states no criterion; the operator "
                    + "refuses it rather than guess whether to keep everything or nothing.",
            "Set maxAge, maxCount (>= 1), or both; or remove spec.retention.",
            "retention:\n  maxAge: 7d");

    public static final RuleMeta DELETE_POLICY = new RuleMeta("backup.retention-delete-policy",
            "retention.deletePolicy must be Delete", Severity.ERROR, KINDS,
            "The CRD accepts only Delete (the default); other values are refused by the API server.",
            "Use deletePolicy: Delete or leave it out.",
            "retention:\n  maxCount: 7\n  deletePolicy: Delete");

    public static final RuleMeta NOT_ENFORCED = new RuleMeta("backup.retention-not-enforced",
            "Retention is not applied to cloud storage", Severity.WARNING, KINDS,
            "The operator prunes old backups only on pvc storage (and only when the Neo4jBackup is deleted); for "
                    + "s3, gcs and azure it never deletes objects, so the bucket grows without bound unless a "
                    + "lifecycle rule expires them.",
            "Configure a bucket lifecycle (expiration) rule that matches maxAge/maxCount.",
            "storage:\n  type: pvc\n  pvc:\n    name: neo4j-backups\nretention:\n  maxCount: 7");

    private static final List<RuleMeta> RULES = List.of(MAX_AGE_RULE, MAX_COUNT, EMPTY, DELETE_POLICY, NOT_ENFORCED);

    @Override
    public List<RuleMeta> rules() {
        return RULES;
    }

    @Override
    public void check(RuleContext ctx) {
        if (!Kinds.BACKUP.equals(ctx.kind())) {
            return;
        }
        Node retention = ctx.spec().get("retention");
        if (!retention.isObject()) {
            return;
        }
        Node maxAge = retention.get("maxAge");
        Optional<String> age = maxAge.text().filter(s -> !s.isEmpty());
        age.ifPresent(a -> {
            String problem = maxAgeProblem(a);
            if (problem != null) {
                ctx.report(MAX_AGE_RULE, maxAge.path(), Messages.invalid(a, problem),
                        "write a whole number and one unit: 30d, 168h, 90m");
            }
        });
        Node maxCount = retention.get("maxCount");
        OptionalLong count = maxCount.integer();
        if (count.isPresent() && count.getAsLong() < 0) {
            ctx.report(MAX_COUNT, maxCount.path(), Messages.invalid(maxCount.json(), "must be 1 or more"));
        }
        boolean hasCount = count.isPresent() && count.getAsLong() >= 1;
        boolean countUnreadable = maxCount.present() && count.isEmpty(); // wrong type: the schema check's finding
        if (age.isEmpty() && !hasCount && !countUnreadable) {
            ctx.report(EMPTY, retention.path(),
                    Messages.required("retention needs maxAge or a maxCount of at least 1"),
                    "set maxAge (e.g. 30d) or maxCount (e.g. 7), or remove spec.retention");
        }
        Node policy = retention.get("deletePolicy");
        policy.text().filter(p -> !DELETE_POLICIES.contains(p)).ifPresent(p ->
                ctx.report(DELETE_POLICY, policy.path(), Messages.notSupported(p, DELETE_POLICIES)));
        Optional<String> type = ctx.spec().get("storage", "type").text();
        if (type.isPresent() && List.of("s3", "gcs", "azure").contains(type.get()) && (age.isPresent() || hasCount)) {
            ctx.report(NOT_ENFORCED, retention.path(),
                    "spec.retention is not enforced for " + type.get() + " storage: the operator does not delete "
                            + "objects in buckets",
                    "add a lifecycle (expiration) rule to bucket " + ctx.spec().get("storage", "bucket").textOr("?"));
        }
    }

    static String maxAgeProblem(String a) {
        Matcher m = MAX_AGE.matcher(a);
        if (!m.matches()) {
            return "must be a positive whole number followed by d, h, m or s";
        }
        BigInteger n = new BigInteger(m.group(1));
        if (n.compareTo(MAX_AGE_LIMIT.get(m.group(2))) > 0) {
            return "longer than the operator can represent (about 292 years)";
        }
        return null;
    }
}
