package io.neo4jguard.core.rules.database;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.Resolution;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.rules.access.SecretData;
import io.neo4jguard.core.tree.Node;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * {@code spec.seedCredentials}: the Secret whose keys the seed provider reads. Which keys are needed depends on
 * the seedURI scheme (the operator's documented layout):
 * <ul>
 *   <li>s3: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY;</li>
 *   <li>gs: GOOGLE_APPLICATION_CREDENTIALS (the service-account JSON);</li>
 *   <li>azb: AZURE_STORAGE_ACCOUNT and one of AZURE_STORAGE_KEY / AZURE_STORAGE_SAS_TOKEN;</li>
 *   <li>https/http/ftp: none required (USERNAME, PASSWORD, AUTH_HEADER are optional).</li>
 * </ul>
 * A Secret that does not exist yet is no error: Secrets are usually created out of band, and the operator
 * waits and retries until it appears. Values are never read beyond their length.
 */
public final class SeedCredentialsCheck implements Check {
    static final Map<String, List<String>> REQUIRED_KEYS = Map.of(
            "s3", List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"),
            "gs", List.of("GOOGLE_APPLICATION_CREDENTIALS"),
            "azb", List.of("AZURE_STORAGE_ACCOUNT"));
    static final List<String> AZURE_SECRET_KEYS = List.of("AZURE_STORAGE_KEY", "AZURE_STORAGE_SAS_TOKEN");

    static final RuleMeta SEED_CREDENTIALS_INVALID = new RuleMeta("database.seed-credentials-invalid",
            "seedCredentials do not provide what the seed provider needs", Severity.ERROR,
            Set.of(Kinds.DATABASE),
            "The operator hands the keys of the seedCredentials Secret to Neo4j's seed provider, which needs "
                    + "specific keys per scheme (s3: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; gs: "
                    + "GOOGLE_APPLICATION_CREDENTIALS; azb: AZURE_STORAGE_ACCOUNT plus AZURE_STORAGE_KEY or "
                    + "AZURE_STORAGE_SAS_TOKEN). A block without secretRef, or a Secret lacking a key or holding an "
                    + "empty value, makes seeding fail with an authentication error.",
            "Set seedCredentials.secretRef and create the Secret with the keys for the seedURI scheme.",
            "spec:\n  seedURI: s3://prod-backups/sales.backup\n  seedCredentials:\n    secretRef: s3-backup-credentials\n"
                    + "# kubectl create secret generic s3-backup-credentials \\\n"
                    + "#   --from-literal=AWS_ACCESS_KEY_ID=... --from-literal=AWS_SECRET_ACCESS_KEY=...");

    static final RuleMeta SEED_CREDENTIALS_PENDING = new RuleMeta("database.seed-credentials-pending",
            "The seedCredentials Secret does not exist yet", Severity.WARNING, Set.of(Kinds.DATABASE),
            "The Secret named by seedCredentials.secretRef is not in the namespace. The operator retries until it "
                    + "appears, so the database is not created until then.",
            "Create the Secret in the same namespace (kubectl create secret generic ...).",
            "");

    @Override
    public List<RuleMeta> rules() {
        return List.of(SEED_CREDENTIALS_INVALID, SEED_CREDENTIALS_PENDING);
    }

    @Override
    public void check(RuleContext ctx) {
        Node creds = ctx.spec().get("seedCredentials");
        if (!creds.isObject()) {
            return;
        }
        Node ref = creds.get("secretRef");
        Optional<String> name = ref.text().map(String::trim).filter(s -> !s.isEmpty());
        if (name.isEmpty()) {
            if (!ref.present() || ref.isText()) {
                ctx.report(SEED_CREDENTIALS_INVALID, ref.path(),
                        Messages.required("the name of the Secret holding the seed credentials"),
                        "set seedCredentials.secretRef, or remove seedCredentials to use the pods' identity");
            }
            return;
        }
        Resolution r = ctx.resolver().resolve("Secret", ctx.namespace(), name.get());
        if (r.status() == Resolution.Status.NOT_FOUND && ctx.resolver().authoritative()) {
            ctx.report(SEED_CREDENTIALS_PENDING, ref.path(), Messages.notFound(name.get(),
                    "no Secret of that name in namespace " + ctx.namespace() + "; seeding waits for it"),
                    "create the Secret");
            return;
        }
        if (r.status() != Resolution.Status.FOUND || r.resource() == null) {
            return;
        }
        String scheme = ctx.spec().get("seedURI").text().map(SeedUri::parse)
                .flatMap(p -> p.value().map(SeedUri::scheme)).orElse("");
        SecretData secret = SecretData.of(r.resource());
        for (String key : REQUIRED_KEYS.getOrDefault(scheme, List.of())) {
            requireKey(ctx, ref, name.get(), secret, key, scheme);
        }
        if (scheme.equals("azb")) {
            boolean any = AZURE_SECRET_KEYS.stream().anyMatch(k -> secret.byteLength(k).orElse(1) > 0
                    && secret.has(k));
            if (!any) {
                ctx.report(SEED_CREDENTIALS_INVALID, ref.path(), Messages.notFound(name.get(),
                        "azb seeds need AZURE_STORAGE_KEY or AZURE_STORAGE_SAS_TOKEN (non-empty) in the Secret"),
                        "add one of the two keys to Secret " + name.get());
            }
        }
    }

    private static void requireKey(RuleContext ctx, Node ref, String secretName, SecretData secret, String key,
                                   String scheme) {
        if (!secret.has(key)) {
            ctx.report(SEED_CREDENTIALS_INVALID, ref.path(), Messages.notFound(secretName,
                    scheme + " seeds need key " + key + " in the Secret"), "add " + key + " to Secret " + secretName);
            return;
        }
        OptionalInt length = secret.byteLength(key);
        if (length.isPresent() && length.getAsInt() == 0) {
            ctx.report(SEED_CREDENTIALS_INVALID, ref.path(), Messages.invalidRedacted(
                    "key " + key + " of Secret " + secretName + " is empty"), "put the credential into " + key);
        }
    }
}
