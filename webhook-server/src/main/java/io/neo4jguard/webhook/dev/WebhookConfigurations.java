package io.neo4jguard.webhook.dev;

import io.neo4jguard.core.api.Kinds;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The ValidatingWebhookConfiguration and MutatingWebhookConfiguration that register a running
 * {@code serve} with an API server by URL (DESIGN §4 defaults):
 * <ul>
 *   <li>our group's ten kinds, CREATE and UPDATE only (DELETE needs no check; leaving it out keeps
 *       deletes working even when the webhook is down);</li>
 *   <li>{@code failurePolicy: Fail} for validation (only our own kinds are matched, so an outage blocks
 *       no one else), {@code Ignore} for mutation (defaults are a convenience; validation still sees the
 *       final object);</li>
 *   <li>{@code timeoutSeconds: 5}, {@code sideEffects: None} (dry-run requests work),
 *       {@code admissionReviewVersions: [v1]}, kube-system excluded by namespace label;</li>
 *   <li>{@code reinvocationPolicy: IfNeeded}: our patch only adds absent fields and is idempotent, so a
 *       second call after another mutating webhook costs one no-op round trip and guarantees our
 *       defaults survive that webhook's changes.</li>
 * </ul>
 */
public final class WebhookConfigurations {
    public static final String VALIDATING_NAME = "validate.neo4j-guard.io";
    public static final String MUTATING_NAME = "mutate.neo4j-guard.io";

    private WebhookConfigurations() {
    }

    /** The CRD plural of a kind: lower case plus "s" (neo4jenterpriseclusters, ...). */
    public static String plural(String kind) {
        return kind.toLowerCase(Locale.ROOT) + "s";
    }

    /**
     * @param configName {@code metadata.name} of both configurations
     * @param baseUrl    e.g. {@code https://127.0.0.1:8443}
     * @param caPem      the CA bundle (PEM) that signed the serving certificate
     */
    public static String yaml(String configName, String baseUrl, String caPem) {
        String ca = Base64.getEncoder().encodeToString(caPem.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return "# neo4j-guard webhooks for a server reached at " + baseUrl + "\n"
                + document("ValidatingWebhookConfiguration", configName, VALIDATING_NAME, baseUrl + "/validate",
                        ca, "Fail", false)
                + "---\n"
                + document("MutatingWebhookConfiguration", configName, MUTATING_NAME, baseUrl + "/mutate",
                        ca, "Ignore", true);
    }

    private static String document(String kind, String configName, String hookName, String url, String ca,
                                   String failurePolicy, boolean mutating) {
        String resources = Kinds.ALL.stream().map(WebhookConfigurations::plural).collect(Collectors.joining(", "));
        return "apiVersion: admissionregistration.k8s.io/v1\n"
                + "kind: " + kind + "\n"
                + "metadata:\n"
                + "  name: " + configName + "\n"
                + "webhooks:\n"
                + "  - name: " + hookName + "\n"
                + "    clientConfig:\n"
                + "      url: " + url + "\n"
                + "      caBundle: " + ca + "\n"
                + "    rules:\n"
                + "      - apiGroups: [\"" + Kinds.GROUP + "\"]\n"
                + "        apiVersions: [\"" + Kinds.VERSION + "\"]\n"
                + "        operations: [\"CREATE\", \"UPDATE\"]\n"
                + "        resources: [" + resources + "]\n"
                + "        scope: Namespaced\n"
                + "    namespaceSelector:\n"
                + "      matchExpressions:\n"
                + "        - key: kubernetes.io/metadata.name\n"
                + "          operator: NotIn\n"
                + "          values: [\"kube-system\"]\n"
                + "    failurePolicy: " + failurePolicy + "\n"
                + "    matchPolicy: Equivalent\n"
                + "    sideEffects: None\n"
                + "    timeoutSeconds: 5\n"
                + "    admissionReviewVersions: [\"v1\"]\n"
                + (mutating ? "    reinvocationPolicy: IfNeeded\n" : "");
    }

    /** Kinds covered, for tests and docs. */
    public static List<String> resources() {
        return Kinds.ALL.stream().map(WebhookConfigurations::plural).toList();
    }
}
