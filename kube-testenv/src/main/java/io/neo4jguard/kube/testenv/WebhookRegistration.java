package io.neo4jguard.kube.testenv;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperations;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperationsBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.WebhookClientConfig;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.WebhookClientConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.schema.CrdGenerator;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Registers neo4j-guard's validating and mutating webhooks with a test API server, pointing it at a webhook
 * server on this machine: {@code clientConfig.url: https://127.0.0.1:<port>/validate} and {@code /mutate}. A
 * {@code service} reference would not work here (no cluster network, no kube-proxy), and the URL's host must be
 * covered by the serving certificate (an IP SAN 127.0.0.1: {@code CertRequest.loopback()}).
 *
 * <pre>{@code
 * WebhookRegistration hooks = WebhookRegistration.to(URI.create("https://127.0.0.1:" + port), caPem);
 * hooks.register(client);          // both configurations, server-side apply
 * ...
 * hooks.unregister(client);
 * }</pre>
 *
 * Defaults follow the chart's safe settings (design card §4): {@code sideEffects: None},
 * {@code timeoutSeconds: 5}, {@code admissionReviewVersions: [v1]}, rules on CREATE and UPDATE of the ten kinds
 * of our group in any version, main resources only (status writes are not sent), {@code failurePolicy} Fail for
 * validation and Ignore for mutation. Each setter returns a changed copy.
 *
 * <p>The API server picks configurations up asynchronously (an informer; usually well under a second): a test
 * that needs the webhook active must wait until it sees a call, not assume it right after {@link #register}.
 */
public final class WebhookRegistration {
    public static final String VALIDATING_NAME = "neo4j-guard-validating";
    public static final String MUTATING_NAME = "neo4j-guard-mutating";
    private static final String FIELD_MANAGER = "neo4j-guard-kube-testenv";

    private final URI base;
    private final String caBundle;
    private final String validatingFailurePolicy;
    private final String mutatingFailurePolicy;
    private final List<String> operations;
    private final int timeoutSeconds;
    private final List<String> excludedNamespaces;
    private final String reinvocationPolicy;

    private WebhookRegistration(URI base, String caBundle, String validatingFailurePolicy, String mutatingFailurePolicy,
                                List<String> operations, int timeoutSeconds, List<String> excludedNamespaces,
                                String reinvocationPolicy) {
        this.base = base;
        this.caBundle = caBundle;
        this.validatingFailurePolicy = validatingFailurePolicy;
        this.mutatingFailurePolicy = mutatingFailurePolicy;
        this.operations = List.copyOf(operations);
        this.timeoutSeconds = timeoutSeconds;
        this.excludedNamespaces = List.copyOf(excludedNamespaces);
        this.reinvocationPolicy = reinvocationPolicy;
    }

    /**
     * @param base      {@code https://127.0.0.1:<port>} of the webhook server (paths are appended)
     * @param caPem     the PEM of the CA that signed the webhook's serving certificate
     */
    public static WebhookRegistration to(URI base, String caPem) {
        if (!"https".equals(base.getScheme())) {
            throw new IllegalArgumentException("webhook URLs must be https, got " + base);
        }
        return new WebhookRegistration(base, Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.US_ASCII)),
                "Fail", "Ignore", List.of("CREATE", "UPDATE"), 5, List.of(), "Never");
    }

    public WebhookRegistration validatingFailurePolicy(String policy) {
        return new WebhookRegistration(base, caBundle, policy, mutatingFailurePolicy, operations, timeoutSeconds,
                excludedNamespaces, reinvocationPolicy);
    }

    public WebhookRegistration mutatingFailurePolicy(String policy) {
        return new WebhookRegistration(base, caBundle, validatingFailurePolicy, policy, operations, timeoutSeconds,
                excludedNamespaces, reinvocationPolicy);
    }

    /** CREATE, UPDATE, DELETE, CONNECT or {@code *}. */
    public WebhookRegistration operations(String... ops) {
        return new WebhookRegistration(base, caBundle, validatingFailurePolicy, mutatingFailurePolicy, List.of(ops),
                timeoutSeconds, excludedNamespaces, reinvocationPolicy);
    }

    public WebhookRegistration timeoutSeconds(int seconds) {
        return new WebhookRegistration(base, caBundle, validatingFailurePolicy, mutatingFailurePolicy, operations,
                seconds, excludedNamespaces, reinvocationPolicy);
    }

    /** Namespaces whose objects are never sent (by their {@code kubernetes.io/metadata.name} label). */
    public WebhookRegistration excludingNamespaces(String... namespaces) {
        return new WebhookRegistration(base, caBundle, validatingFailurePolicy, mutatingFailurePolicy, operations,
                timeoutSeconds, List.of(namespaces), reinvocationPolicy);
    }

    /** Never (the API server's default) or IfNeeded. */
    public WebhookRegistration reinvocationPolicy(String policy) {
        return new WebhookRegistration(base, caBundle, validatingFailurePolicy, mutatingFailurePolicy, operations,
                timeoutSeconds, excludedNamespaces, policy);
    }

    public ValidatingWebhookConfiguration validating() {
        return new ValidatingWebhookConfigurationBuilder()
                .withNewMetadata().withName(VALIDATING_NAME).endMetadata()
                .withWebhooks(new ValidatingWebhookBuilder()
                        .withName("validate.neo4j-guard.io")
                        .withClientConfig(clientConfig("/validate"))
                        .withRules(rules())
                        .withFailurePolicy(validatingFailurePolicy)
                        .withMatchPolicy("Equivalent")
                        .withSideEffects("None")
                        .withTimeoutSeconds(timeoutSeconds)
                        .withAdmissionReviewVersions("v1")
                        .withNamespaceSelector(namespaceSelector())
                        .build())
                .build();
    }

    public MutatingWebhookConfiguration mutating() {
        return new MutatingWebhookConfigurationBuilder()
                .withNewMetadata().withName(MUTATING_NAME).endMetadata()
                .withWebhooks(new MutatingWebhookBuilder()
                        .withName("mutate.neo4j-guard.io")
                        .withClientConfig(clientConfig("/mutate"))
                        .withRules(rules())
                        .withFailurePolicy(mutatingFailurePolicy)
                        .withMatchPolicy("Equivalent")
                        .withSideEffects("None")
                        .withTimeoutSeconds(timeoutSeconds)
                        .withAdmissionReviewVersions("v1")
                        .withReinvocationPolicy(reinvocationPolicy)
                        .withNamespaceSelector(namespaceSelector())
                        .build())
                .build();
    }

    /** Applies both configurations (server-side apply: registering again updates them). */
    public void register(KubernetesClient client) {
        client.resource(validating()).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
        client.resource(mutating()).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    }

    /** Registers the validating configuration only. */
    public void registerValidating(KubernetesClient client) {
        client.resource(validating()).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    }

    /** Registers the mutating configuration only. */
    public void registerMutating(KubernetesClient client) {
        client.resource(mutating()).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    }

    /** Deletes both configurations if present. */
    public static void unregister(KubernetesClient client) {
        client.admissionRegistration().v1().validatingWebhookConfigurations().withName(VALIDATING_NAME).delete();
        client.admissionRegistration().v1().mutatingWebhookConfigurations().withName(MUTATING_NAME).delete();
    }

    /** The resource names (plurals) of the ten kinds, as the CRDs name them. */
    public static List<String> resources() {
        List<String> out = new ArrayList<>();
        for (String kind : Kinds.ALL) {
            out.add(CrdGenerator.crd(kind).getSpec().getNames().getPlural());
        }
        return out;
    }

    private WebhookClientConfig clientConfig(String path) {
        return new WebhookClientConfigBuilder().withUrl(base.resolve(path).toString()).withCaBundle(caBundle).build();
    }

    private RuleWithOperations rules() {
        return new RuleWithOperationsBuilder()
                .withApiGroups(Kinds.GROUP)
                .withApiVersions("*")
                .withResources(resources())
                .withOperations(operations)
                .withScope("Namespaced")
                .build();
    }

    private io.fabric8.kubernetes.api.model.LabelSelector namespaceSelector() {
        if (excludedNamespaces.isEmpty()) {
            return null;
        }
        return new LabelSelectorBuilder().withMatchExpressions(new LabelSelectorRequirementBuilder()
                .withKey("kubernetes.io/metadata.name").withOperator("NotIn").withValues(excludedNamespaces).build())
                .build();
    }
}
