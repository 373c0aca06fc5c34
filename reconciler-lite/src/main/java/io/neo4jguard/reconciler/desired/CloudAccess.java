package io.neo4jguard.reconciler.desired;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a backup pod reaches its bucket: static keys from {@code cloud.credentialsSecretRef} as environment
 * variables (the names every cloud SDK's default chain reads; the same keys validation checks in the Secret), or a
 * workload identity bound through the ServiceAccount's annotations (IRSA {@code eks.amazonaws.com/role-arn}, GKE
 * {@code iam.gke.io/gcp-service-account}, Azure {@code azure.workload.identity/client-id}) given in
 * {@code cloud.identity.autoCreate.annotations}. Validation allows only one of the two.
 */
final class CloudAccess {
    /** The GCP key file, mounted from the Secret key {@link #GCP_KEY}. */
    static final String GCP_KEY = "GOOGLE_APPLICATION_CREDENTIALS_JSON";
    static final String GCP_KEY_DIR = "/var/run/secrets/gcp";
    static final String GCP_KEY_FILE = "credentials.json";
    /** Azure Workload Identity's webhook only mutates pods that carry this label (with value "true"). */
    static final String AZURE_USE_LABEL = "azure.workload.identity/use";

    private final JsonNode cloud;

    private CloudAccess(JsonNode cloud) {
        this.cloud = cloud;
    }

    /** {@code spec.storage.cloud}, else the top-level {@code spec.cloud}. */
    static CloudAccess of(JsonNode backupSpec) {
        JsonNode c = backupSpec.path("storage").path("cloud");
        return new CloudAccess(c.isObject() ? c : backupSpec.path("cloud"));
    }

    String provider() {
        return Specs.text(cloud.path("provider"), "");
    }

    String secret() {
        return Specs.text(cloud.path("credentialsSecretRef"), "");
    }

    boolean gcpKeyFile() {
        return "gcp".equals(provider()) && !secret().isEmpty();
    }

    List<EnvVar> env() {
        List<EnvVar> env = new ArrayList<>();
        String s = secret();
        switch (provider()) {
            case "aws":
                if (!s.isEmpty()) {
                    for (String key : List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION")) {
                        env.add(fromSecret(key, s, key));
                    }
                }
                String endpoint = Specs.text(cloud.path("endpointURL"), "");
                if (!endpoint.isEmpty()) {
                    // The AWS SDK's service-specific endpoint variable: MinIO, Ceph RGW, R2 (reconciler-facts §6 item 8).
                    env.add(new EnvVarBuilder().withName("AWS_ENDPOINT_URL_S3").withValue(endpoint).build());
                }
                break;
            case "azure":
                if (!s.isEmpty()) {
                    env.add(fromSecret("AZURE_STORAGE_ACCOUNT", s, "AZURE_STORAGE_ACCOUNT"));
                    env.add(fromSecret("AZURE_STORAGE_KEY", s, "AZURE_STORAGE_KEY"));
                }
                break;
            case "gcp":
                if (!s.isEmpty()) {
                    env.add(new EnvVarBuilder().withName("GOOGLE_APPLICATION_CREDENTIALS")
                            .withValue(GCP_KEY_DIR + "/" + GCP_KEY_FILE).build());
                }
                break;
            default:
                break;
        }
        return env;
    }

    /** Annotations of the backup's ServiceAccount: what binds it to the cloud identity. */
    Map<String, String> serviceAccountAnnotations() {
        JsonNode identity = cloud.path("identity");
        return identity.isObject() ? Specs.strings(identity.path("autoCreate").path("annotations"))
                : new LinkedHashMap<>();
    }

    /** Labels the backup pod needs for its identity (Azure's webhook selects pods by label). */
    Map<String, String> podLabels() {
        Map<String, String> l = new LinkedHashMap<>();
        if (cloud.path("identity").isObject() && "azure".equals(Specs.text(cloud.path("identity").path("provider"),
                ""))) {
            l.put(AZURE_USE_LABEL, "true");
        }
        return l;
    }

    private static EnvVar fromSecret(String name, String secret, String key) {
        return new EnvVarBuilder().withName(name).withNewValueFrom().withNewSecretKeyRef().withName(secret)
                .withKey(key).endSecretKeyRef().endValueFrom().build();
    }
}
