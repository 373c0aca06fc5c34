package io.neo4jguard.core.rules.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.PatchOperation;
import io.neo4jguard.core.api.Resolution;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.backup.Names;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;
import io.neo4jguard.core.units.KubernetesQuantity;
import io.neo4jguard.core.units.Parsed;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Storage locations of backups and restores ({@code StorageLocation}: {@code spec.storage} of a Neo4jBackup;
 * {@code spec.source.storage}, {@code spec.source.pitr.baseBackup.storage} and
 * {@code spec.source.pitr.logStorage} of a Neo4jRestore): storage type and cloud provider, bucket, PVC,
 * credentials (Secret or workload identity), S3-compatible endpoints.
 *
 * <p>How the operator uses these fields decides the rules: the storage <em>type</em> picks the URI scheme
 * ({@code s3://}, {@code gs://}, {@code azb://}) while the cloud <em>provider</em> picks which credential
 * variables are taken from the Secret ({@code AWS_*} for aws, {@code AZURE_STORAGE_*} for azure, a mounted
 * {@code GOOGLE_APPLICATION_CREDENTIALS_JSON} for gcp). With no provider, no credentials reach the Job at
 * all, and the operator's validator refuses such a backup outright (phase Invalid).
 */
public final class BackupStorageCheck implements Check {
    private static final Set<String> KINDS = Set.of(Kinds.BACKUP, Kinds.RESTORE);
    private static final List<String> TYPES = List.of("s3", "gcs", "azure", "pvc");
    private static final List<String> PROVIDERS = List.of("aws", "gcp", "azure");
    /** The only provider the operator pairs with each cloud storage type. */
    private static final Map<String, String> PROVIDER_OF_TYPE = Map.of("s3", "aws", "gcs", "gcp", "azure", "azure");

    /**
     * Secret keys the operator turns into required environment variables (secretKeyRef without
     * {@code optional}) or a required volume item: if one is missing the Job pod never starts
     * (CreateContainerConfigError, or a mount failure for the GCS key).
     */
    private static final Map<String, List<String>> SECRET_KEYS = Map.of(
            "aws", List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION"),
            "gcp", List.of("GOOGLE_APPLICATION_CREDENTIALS_JSON"),
            "azure", List.of("AZURE_STORAGE_ACCOUNT", "AZURE_STORAGE_KEY"));

    public static final RuleMeta TYPE = new RuleMeta("backup-storage.type",
            "Storage type must be s3, gcs, azure or pvc", Severity.ERROR, KINDS,
            "The storage type selects where neo4j-admin writes or reads the backup. The CRD accepts only s3, gcs, "
                    + "azure and pvc (lower case); anything else is refused by the API server, and a missing type "
                    + "leaves the operator without a destination.",
            "Set storage.type to s3, gcs, azure or pvc.",
            "storage:\n  type: s3\n  bucket: neo4j-backups\n  cloud:\n    provider: aws");

    public static final RuleMeta BUCKET_REQUIRED = new RuleMeta("backup-storage.bucket-required",
            "Cloud storage needs a bucket", Severity.ERROR, KINDS,
            "For s3, gcs and azure the operator builds the URI s3://<bucket>/<path> (gs://, azb://); without a "
                    + "bucket (an Azure container) the URI is invalid and the operator refuses the backup.",
            "Set storage.bucket to the bucket (Azure: container) name.",
            "storage:\n  type: gcs\n  bucket: neo4j-backups\n  cloud:\n    provider: gcp");

    public static final RuleMeta PROVIDER_MISSING = new RuleMeta("backup-storage.provider-missing",
            "Cloud storage needs cloud.provider", Severity.ERROR, KINDS,
            "The operator keys its credential wiring on storage.cloud.provider, not on the storage type: with no "
                    + "provider it passes no credentials to the Job (a credentialsSecretRef is silently ignored), "
                    + "and its validator rejects the Neo4jBackup (s3 requires provider aws, gcs gcp, azure azure), "
                    + "so the backup never runs. The value is never ambiguous: each storage type pairs with exactly "
                    + "one provider, which is why the finding carries an automatic fix.",
            "Add storage.cloud.provider: aws for s3 (also MinIO and other S3-compatible stores), gcp for gcs, "
                    + "azure for azure.",
            "storage:\n  type: s3\n  bucket: neo4j-backups\n  cloud:\n    provider: aws\n"
                    + "    credentialsSecretRef: s3-credentials");

    public static final RuleMeta PROVIDER_MISMATCH = new RuleMeta("backup-storage.provider-mismatch",
            "Cloud provider must match the storage type", Severity.ERROR, KINDS,
            "The storage type picks the URI scheme and the provider picks the credentials; a mismatch (s3 with "
                    + "gcp) sends Google credentials to an S3 URI. The operator accepts only aws with s3, gcp with "
                    + "gcs and azure with azure.",
            "Make the provider match the type (s3/aws, gcs/gcp, azure/azure).",
            "storage:\n  type: azure\n  bucket: backups\n  cloud:\n    provider: azure");

    public static final RuleMeta PVC_NAME = new RuleMeta("backup-storage.pvc-name",
            "PVC storage needs pvc.name", Severity.ERROR, KINDS,
            "Without storage.pvc.name the Job writes to an emptyDir that is discarded with the pod: the backup "
                    + "reports success while nothing durable exists, so any later restore fails. The name must be "
                    + "a valid PersistentVolumeClaim name.",
            "Set storage.pvc.name to an existing claim, or to the claim the operator should create (with size).",
            "storage:\n  type: pvc\n  pvc:\n    name: neo4j-backups\n    size: 50Gi");

    public static final RuleMeta PVC_SIZE = new RuleMeta("backup-storage.pvc-size",
            "PVC size must be a positive Kubernetes quantity", Severity.ERROR, KINDS,
            "storage.pvc.size becomes the storage request of the claim the operator creates; the API server refuses "
                    + "anything that is not a positive Kubernetes quantity (50Gi, 100G).",
            "Write the size as a Kubernetes quantity such as 50Gi.",
            "storage:\n  type: pvc\n  pvc:\n    name: neo4j-backups\n    size: 50Gi");

    public static final RuleMeta UNSAFE_CHARACTERS = new RuleMeta("backup-storage.unsafe-characters",
            "Bucket and path must be plain names", Severity.ERROR, KINDS,
            "Bucket and path are spliced into the neo4j-admin command line that the Job runs with /bin/sh -c. "
                    + "The operator allows only letters, digits, dot, underscore, slash and dash there; anything "
                    + "else (spaces, $, ;, quotes, backticks) would be read by the shell, and no cloud store needs it.",
            "Use only A-Z, a-z, 0-9, '.', '_', '/' and '-' in bucket and path.",
            "storage:\n  type: s3\n  bucket: neo4j-backups\n  path: prod/daily");

    public static final RuleMeta CREDENTIALS_CONFLICT = new RuleMeta("backup-storage.credentials-conflict",
            "Use either a credentials Secret or a workload identity, not both", Severity.ERROR, KINDS,
            "With credentialsSecretRef the operator puts static keys into the Job's environment; every cloud SDK's "
                    + "default credential chain reads environment keys before workload identity (IRSA, GKE Workload "
                    + "Identity, Azure Workload Identity), so the identity would be silently unused while the "
                    + "manifest suggests otherwise.",
            "Keep exactly one of cloud.credentialsSecretRef and cloud.identity.",
            "cloud:\n  provider: aws\n  identity:\n    provider: aws\n    autoCreate:\n      annotations:\n"
                    + "        eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/neo4j-backup");

    public static final RuleMeta AMBIENT_CREDENTIALS = new RuleMeta("backup-storage.ambient-credentials",
            "Cloud storage without credentials relies on the node's identity", Severity.WARNING, KINDS,
            "With neither credentialsSecretRef nor identity the Job runs with whatever the node grants (an EC2 "
                    + "instance profile, a GCE service account). That works only where the node role can reach the "
                    + "bucket, and then every pod on the node can.",
            "Set cloud.credentialsSecretRef or cloud.identity.",
            "cloud:\n  provider: aws\n  credentialsSecretRef: s3-credentials");

    public static final RuleMeta IDENTITY = new RuleMeta("backup-storage.identity",
            "Workload identity needs a provider matching the storage", Severity.ERROR, KINDS,
            "cloud.identity.provider is required by the CRD and selects how the operator binds the Job's "
                    + "ServiceAccount (IRSA, GKE Workload Identity, Azure Workload Identity); a provider that differs "
                    + "from the storage's cloud yields a ServiceAccount the store does not trust.",
            "Set cloud.identity.provider to the same value as cloud.provider.",
            "cloud:\n  provider: gcp\n  identity:\n    provider: gcp\n    autoCreate:\n      annotations:\n"
                    + "        iam.gke.io/gcp-service-account: neo4j-backup@project.iam.gserviceaccount.com");

    public static final RuleMeta IDENTITY_NO_EFFECT = new RuleMeta("backup-storage.identity-no-effect",
            "Workload identity field has no effect", Severity.WARNING, KINDS,
            "The operator always runs backup Jobs as neo4j-backup-sa and restore Jobs as neo4j-restore-sa and "
                    + "always creates them; identity.serviceAccount and autoCreate.enabled: false are accepted by "
                    + "the schema but not read. Only autoCreate.annotations binds the identity.",
            "Remove identity.serviceAccount / autoCreate.enabled and bind the role through autoCreate.annotations.",
            "identity:\n  provider: aws\n  autoCreate:\n    annotations:\n"
                    + "      eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/neo4j-backup");

    public static final RuleMeta CREDENTIALS_SECRET = new RuleMeta("backup-storage.credentials-secret",
            "The credentials Secret must hold the keys the operator reads", Severity.ERROR, KINDS,
            "The operator maps Secret keys to required environment variables of the Job (aws: AWS_ACCESS_KEY_ID, "
                    + "AWS_SECRET_ACCESS_KEY, AWS_REGION; azure: AZURE_STORAGE_ACCOUNT, AZURE_STORAGE_KEY) or mounts "
                    + "GOOGLE_APPLICATION_CREDENTIALS_JSON as a file (gcp). A missing key stops the pod "
                    + "(CreateContainerConfigError) and the backup never runs. A Secret that does not exist (yet) is "
                    + "not reported; values are never shown.",
            "Add the missing keys to the Secret (data or stringData), or fix credentialsSecretRef.",
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s3-credentials\nstringData:\n"
                    + "  AWS_ACCESS_KEY_ID: AKIA...\n  AWS_SECRET_ACCESS_KEY: ...\n  AWS_REGION: us-east-1");

    public static final RuleMeta ENDPOINT_URL = new RuleMeta("backup-storage.endpoint-url",
            "endpointURL must be an http(s) URL", Severity.ERROR, KINDS,
            "cloud.endpointURL becomes AWS_ENDPOINT_URL_S3 for S3-compatible stores (MinIO, Ceph RGW, R2); the AWS "
                    + "SDK refuses anything but an absolute http or https URL with a host, and the backup fails.",
            "Write the endpoint as http://host:port or https://host.",
            "cloud:\n  provider: aws\n  endpointURL: http://minio.minio.svc:9000\n  forcePathStyle: true");

    public static final RuleMeta ENDPOINT_SETTINGS = new RuleMeta("backup-storage.endpoint-settings",
            "S3-compatible endpoint settings look incomplete or ignored", Severity.WARNING, KINDS,
            "endpointURL and forcePathStyle only apply to the aws provider. MinIO and most self-hosted S3-compatible "
                    + "stores need path-style addressing (forcePathStyle: true) with a custom endpoint, otherwise the "
                    + "SDK asks for bucket.host and fails; forcePathStyle without an endpoint changes nothing useful.",
            "With a custom endpoint set forcePathStyle: true (unless the store supports virtual-hosted buckets); "
                    + "drop endpoint settings for gcs and azure.",
            "cloud:\n  provider: aws\n  endpointURL: http://minio.minio.svc:9000\n  forcePathStyle: true");

    public static final RuleMeta CLOUD_IGNORED = new RuleMeta("backup-storage.block-ignored",
            "Storage block does not apply to this storage type", Severity.WARNING, KINDS,
            "A pvc block on cloud storage, or a cloud block on pvc storage, is accepted by the schema but not used "
                    + "for the backup location; it usually means the type is not the one intended.",
            "Remove the block that does not match storage.type, or fix the type.",
            "storage:\n  type: pvc\n  pvc:\n    name: neo4j-backups");

    public static final RuleMeta LEGACY_CLOUD = new RuleMeta("backup-storage.legacy-cloud-block",
            "spec.cloud is the legacy place for cloud settings", Severity.WARNING, Set.of(Kinds.BACKUP),
            "The operator reads spec.storage.cloud first and falls back to spec.cloud, but its validator checks the "
                    + "provider only under spec.storage.cloud; keeping settings in two places invites one being "
                    + "ignored.",
            "Move spec.cloud under spec.storage.cloud.",
            "storage:\n  type: s3\n  bucket: neo4j-backups\n  cloud:\n    provider: aws");

    private static final List<RuleMeta> RULES = List.of(TYPE, BUCKET_REQUIRED, PROVIDER_MISSING, PROVIDER_MISMATCH,
            PVC_NAME, PVC_SIZE, UNSAFE_CHARACTERS, CREDENTIALS_CONFLICT, AMBIENT_CREDENTIALS, IDENTITY,
            IDENTITY_NO_EFFECT, CREDENTIALS_SECRET, ENDPOINT_URL, ENDPOINT_SETTINGS, CLOUD_IGNORED, LEGACY_CLOUD);

    @Override
    public List<RuleMeta> rules() {
        return RULES;
    }

    @Override
    public void check(RuleContext ctx) {
        Node spec = ctx.spec();
        if (Kinds.BACKUP.equals(ctx.kind())) {
            checkLocation(ctx, spec.get("storage"), "/spec/storage", true);
            if (spec.get("cloud").present()) {
                ctx.report(LEGACY_CLOUD, spec.get("cloud").path(),
                        Messages.forbidden("cloud settings belong under spec.storage.cloud"),
                        "move the block to spec.storage.cloud");
            }
        } else if (Kinds.RESTORE.equals(ctx.kind())) {
            Node source = spec.get("source");
            Node pitr = source.get("pitr");
            restoreLocation(ctx, source, "/spec/source/storage");
            restoreLocation(ctx, pitr.get("baseBackup"), "/spec/source/pitr/baseBackup/storage");
            checkLocation(ctx, pitr.get("logStorage"), "/spec/source/pitr/logStorage", false);
        }
    }

    /**
     * A restore source's storage: read unless the source is a Neo4jBackup (type backup), whose own storage
     * replaces it; then a storage block here only misleads.
     */
    private void restoreLocation(RuleContext ctx, Node holder, String pointer) {
        Node storage = holder.get("storage");
        if (holder.get("type").textOr("").equals("backup")) {
            if (storage.isObject()) {
                ctx.report(CLOUD_IGNORED, storage.path(),
                        Messages.forbidden("a backup source takes its storage from the Neo4jBackup; this block is "
                                + "not used"),
                        "remove it, or use type storage to restore from this location");
            }
            return;
        }
        checkLocation(ctx, storage, pointer, false);
    }

    /**
     * @param required whether the location must exist (a Neo4jBackup's storage does; the restore blocks are
     *                 required only by source type, which RestoreSourceCheck reports)
     */
    private void checkLocation(RuleContext ctx, Node storage, String pointer, boolean required) {
        if (!storage.isObject()) {
            if (required && !storage.present()) {
                ctx.report(TYPE, storage.get("type").path(),
                        Messages.required("a backup needs storage: type s3, gcs, azure or pvc"));
            }
            return;
        }
        Node typeNode = storage.get("type");
        Optional<String> type = typeNode.text();
        if (type.isEmpty() || type.get().isBlank()) {
            ctx.report(TYPE, typeNode.path(), Messages.required("storage type: one of s3, gcs, azure, pvc"));
        } else if (!TYPES.contains(type.get())) {
            ctx.report(TYPE, typeNode.path(), Messages.notSupported(type.get(), TYPES),
                    hintForType(type.get()));
        }
        String t = type.filter(TYPES::contains).orElse("");
        Node cloud = storage.get("cloud");
        Node pvc = storage.get("pvc");
        checkShellSafe(ctx, storage.get("bucket"));
        checkShellSafe(ctx, storage.get("path"));
        if (t.equals("pvc")) {
            checkPvc(ctx, pvc);
            if (cloud.isObject()) {
                ctx.report(CLOUD_IGNORED, cloud.path(),
                        Messages.forbidden("cloud settings do not apply to storage type pvc"),
                        "remove storage.cloud, or change storage.type to the cloud store meant");
            }
            return;
        }
        if (t.isEmpty()) {
            return; // the type finding says it all; provider pairing needs a known type
        }
        if (pvc.isObject()) {
            ctx.report(CLOUD_IGNORED, pvc.path(),
                    Messages.forbidden("a pvc block does not apply to storage type " + t),
                    "remove storage.pvc, or set storage.type: pvc");
        }
        Optional<String> bucket = storage.get("bucket").text().filter(s -> !s.isBlank());
        if (bucket.isEmpty()) {
            ctx.report(BUCKET_REQUIRED, storage.get("bucket").path(),
                    Messages.required("storage type " + t + " needs the " + (t.equals("azure") ? "container" : "bucket")
                            + " name"));
        }
        String expected = PROVIDER_OF_TYPE.get(t);
        Optional<String> provider = cloud.get("provider").text().filter(s -> !s.isEmpty());
        if (provider.isEmpty()) {
            reportMissingProvider(ctx, storage, pointer, t, expected);
        } else if (!provider.get().equals(expected)) {
            String p = provider.get();
            ctx.report(PROVIDER_MISMATCH, cloud.get("provider").path(),
                    PROVIDERS.contains(p)
                            ? Messages.invalid(p, "storage type " + t + " is used with provider " + expected
                            + "; provider " + p + " would wire " + p + " credentials to a " + t + " URI")
                            : Messages.notSupported(p, PROVIDERS),
                    "set cloud.provider: " + expected + " (or change storage.type)");
        }
        checkCredentials(ctx, cloud, t, expected, provider.orElse(expected));
        checkEndpoint(ctx, cloud, provider.orElse(expected));
    }

    private static String hintForType(String type) {
        String lower = type.trim().toLowerCase(java.util.Locale.ROOT);
        if (TYPES.contains(lower)) {
            return "write it in lower case: " + lower;
        }
        if (lower.equals("gs") || lower.equals("gcp")) {
            return "Google Cloud Storage is type gcs";
        }
        if (lower.equals("minio")) {
            return "MinIO is type s3 with cloud.provider aws, cloud.endpointURL and cloud.forcePathStyle";
        }
        return "use s3, gcs, azure or pvc";
    }

    private void reportMissingProvider(RuleContext ctx, Node storage, String pointer, String type, String expected) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<PatchOperation> fix = storage.get("cloud").isObject()
                ? List.of(PatchOperation.add(pointer + "/cloud/provider", f.textNode(expected)))
                : List.of(PatchOperation.add(pointer + "/cloud", f.objectNode().put("provider", expected)));
        boolean legacy = ctx.spec().get("cloud", "provider").text().isPresent() && pointer.equals("/spec/storage");
        ctx.report(PROVIDER_MISSING, storage.get("cloud").get("provider").path(),
                Messages.required("storage type " + type + " needs cloud.provider: " + expected + "; the operator "
                        + "wires credentials by provider, so without it none reach the Job (and a Neo4jBackup is "
                        + "rejected outright)"),
                legacy ? "move spec.cloud to spec.storage.cloud (the provider is read only there)"
                        : "add cloud.provider: " + expected,
                fix);
    }

    private void checkShellSafe(RuleContext ctx, Node n) {
        Optional<String> v = n.text().filter(s -> !s.isEmpty());
        if (v.isPresent() && !Names.isShellSafe(v.get())) {
            ctx.report(UNSAFE_CHARACTERS, n.path(),
                    Messages.invalid(v.get(), "may contain only letters, digits, '.', '_', '/' and '-': the value "
                            + "is passed to /bin/sh unquoted"));
        }
    }

    private void checkPvc(RuleContext ctx, Node pvc) {
        Optional<String> name = pvc.get("name").text().map(String::trim).filter(s -> !s.isEmpty());
        if (name.isEmpty()) {
            ctx.report(PVC_NAME, pvc.get("name").path(),
                    Messages.required("pvc storage needs pvc.name; without it the backup is written to an emptyDir "
                            + "and lost when the Job's pod goes away"));
        } else if (!Names.isDnsSubdomain(name.get())) {
            ctx.report(PVC_NAME, pvc.get("name").path(), Messages.invalid(name.get(),
                    "a PersistentVolumeClaim name is lower-case letters, digits, '-' and '.' (RFC 1123 subdomain)"));
        }
        Node size = pvc.get("size");
        Optional<String> text = size.scalarText();
        if (size.present() && text.isEmpty()) {
            return; // wrong type: the schema check reports it
        }
        if (text.isPresent()) {
            Parsed<BigDecimal> q = KubernetesQuantity.parse(text.get());
            if (!q.ok()) {
                ctx.report(PVC_SIZE, size.path(), Messages.invalid(text.get(), q.error()));
            } else if (q.value().signum() <= 0) {
                ctx.report(PVC_SIZE, size.path(), Messages.invalid(text.get(), "must be greater than zero"));
            }
        }
    }

    private void checkCredentials(RuleContext ctx, Node cloud, String type, String expected, String provider) {
        Node secretRef = cloud.get("credentialsSecretRef");
        Optional<String> secret = secretRef.text().map(String::trim).filter(s -> !s.isEmpty());
        Node identity = cloud.get("identity");
        boolean hasIdentity = identity.isObject();
        if (secret.isPresent() && hasIdentity) {
            ctx.report(CREDENTIALS_CONFLICT, identity.path(),
                    Messages.forbidden("cloud.credentialsSecretRef and cloud.identity are mutually exclusive: static "
                            + "keys in the environment win over workload identity"),
                    "keep only one of them");
        } else if (secret.isEmpty() && !hasIdentity) {
            ctx.report(AMBIENT_CREDENTIALS, cloud.path(),
                    "No credentials: neither cloud.credentialsSecretRef nor cloud.identity is set; the Job will use "
                            + "the node's own cloud identity, if any",
                    "set cloud.credentialsSecretRef or cloud.identity");
        }
        if (hasIdentity) {
            Node idProvider = identity.get("provider");
            Optional<String> ip = idProvider.text().filter(s -> !s.isEmpty());
            if (ip.isEmpty()) {
                ctx.report(IDENTITY, idProvider.path(), Messages.required("identity provider: " + expected));
            } else if (!ip.get().equals(expected)) {
                ctx.report(IDENTITY, idProvider.path(), PROVIDERS.contains(ip.get())
                        ? Messages.invalid(ip.get(), "storage type " + type + " needs a " + expected + " identity")
                        : Messages.notSupported(ip.get(), PROVIDERS));
            }
            if (identity.get("serviceAccount").text().filter(s -> !s.isEmpty()).isPresent()) {
                ctx.report(IDENTITY_NO_EFFECT, identity.get("serviceAccount").path(),
                        "identity.serviceAccount is accepted but has no effect: the Job always runs as the "
                                + "operator-managed ServiceAccount",
                        "bind the cloud role through identity.autoCreate.annotations");
            }
            if (identity.get("autoCreate", "enabled").bool().filter(b -> !b).isPresent()) {
                ctx.report(IDENTITY_NO_EFFECT, identity.get("autoCreate", "enabled").path(),
                        "identity.autoCreate.enabled: false has no effect: the operator always creates its "
                                + "ServiceAccount; only autoCreate.annotations is read",
                        "remove autoCreate.enabled");
            }
        }
        if (secret.isPresent()) {
            checkSecret(ctx, secretRef, secret.get(), provider);
        }
    }

    private void checkSecret(RuleContext ctx, Node ref, String name, String provider) {
        if (!Names.isDnsSubdomain(name)) {
            ctx.report(CREDENTIALS_SECRET, ref.path(), Messages.invalid(name,
                    "not a valid Secret name (lower-case RFC 1123 subdomain), so the Job's pod cannot start"));
            return;
        }
        List<String> needed = SECRET_KEYS.get(provider);
        if (needed == null) {
            return;
        }
        Resolution r = ctx.resolver().resolve("Secret", ctx.namespace(), name);
        if (r.status() != Resolution.Status.FOUND || r.resource() == null) {
            return; // not there (yet) is never an error: Secrets are often created out of band, after the CR
        }
        Map<String, Boolean> keys = secretKeys(r.resource().tree());
        List<String> missing = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (String k : needed) {
            Boolean nonEmpty = keys.get(k);
            if (nonEmpty == null) {
                missing.add(k);
            } else if (!nonEmpty) {
                empty.add(k);
            }
        }
        if (missing.isEmpty() && empty.isEmpty()) {
            return;
        }
        StringBuilder detail = new StringBuilder("Secret " + ctx.namespace() + "/" + name);
        if (!missing.isEmpty()) {
            detail.append(" has no key ").append(String.join(", ", missing));
        }
        if (!empty.isEmpty()) {
            detail.append(missing.isEmpty() ? " has" : " and").append(" an empty ").append(String.join(", ", empty));
        }
        detail.append("; the ").append(provider).append(" provider needs ").append(String.join(", ", needed))
                .append(" or the Job's pod cannot start");
        ctx.report(CREDENTIALS_SECRET, ref.path(), Messages.invalid(name, detail.toString()),
                secretHint(provider, keys));
    }

    private static String secretHint(String provider, Map<String, Boolean> keys) {
        if (provider.equals("gcp") && keys.containsKey("GOOGLE_APPLICATION_CREDENTIALS")) {
            return "store the service-account JSON under GOOGLE_APPLICATION_CREDENTIALS_JSON: the operator mounts that "
                    + "key as a file and sets GOOGLE_APPLICATION_CREDENTIALS to its path itself";
        }
        if (provider.equals("azure") && keys.containsKey("AZURE_STORAGE_SAS_TOKEN")) {
            return "the operator passes AZURE_STORAGE_ACCOUNT and AZURE_STORAGE_KEY only; a SAS token is not read, "
                    + "use the account key (or workload identity)";
        }
        return "add the missing keys to the Secret";
    }

    /** Key names of a Secret, from data and stringData, mapped to "has a non-empty value" (values are not kept). */
    private static Map<String, Boolean> secretKeys(JsonNode secret) {
        Map<String, Boolean> keys = new LinkedHashMap<>();
        for (String block : List.of("data", "stringData")) {
            JsonNode m = secret.path(block);
            if (!m.isObject()) {
                continue;
            }
            m.fields().forEachRemaining(e -> {
                boolean nonEmpty = e.getValue().isTextual() && !e.getValue().textValue().isEmpty();
                keys.merge(e.getKey(), nonEmpty, Boolean::logicalOr);
            });
        }
        return keys;
    }

    private void checkEndpoint(RuleContext ctx, Node cloud, String provider) {
        Node endpoint = cloud.get("endpointURL");
        Optional<String> url = endpoint.text().filter(s -> !s.isEmpty());
        boolean pathStyle = cloud.get("forcePathStyle").isTrue();
        if (url.isPresent()) {
            String problem = urlProblem(url.get());
            if (problem != null) {
                ctx.report(ENDPOINT_URL, endpoint.path(), Messages.invalid(url.get(), problem));
            }
            if (!provider.equals("aws")) {
                ctx.report(ENDPOINT_SETTINGS, endpoint.path(),
                        "cloud.endpointURL is ignored for provider " + provider + ": it applies only to S3 (aws)",
                        "remove cloud.endpointURL");
            } else if (!pathStyle) {
                ctx.report(ENDPOINT_SETTINGS, cloud.get("forcePathStyle").path(),
                        "a custom S3 endpoint without forcePathStyle: true; MinIO and most self-hosted stores need "
                                + "path-style addressing",
                        "set cloud.forcePathStyle: true unless the store serves virtual-hosted buckets");
            }
        } else if (pathStyle) {
            ctx.report(ENDPOINT_SETTINGS, cloud.get("forcePathStyle").path(),
                    "cloud.forcePathStyle without cloud.endpointURL: path-style addressing matters only for a "
                            + "custom S3-compatible endpoint",
                    "set cloud.endpointURL (for MinIO: http://<service>.<namespace>.svc:9000) or remove forcePathStyle");
        }
    }

    private static String urlProblem(String text) {
        if (Names.hasControl(text) || text.contains(" ")) {
            return "must not contain spaces or control characters";
        }
        try {
            URI u = new URI(text);
            String scheme = u.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return "must start with http:// or https://";
            }
            if (u.getHost() == null || u.getHost().isEmpty()) {
                return "must name a host, e.g. http://minio.minio.svc:9000";
            }
            return null;
        } catch (URISyntaxException e) {
            return "not a valid URL";
        }
    }
}
