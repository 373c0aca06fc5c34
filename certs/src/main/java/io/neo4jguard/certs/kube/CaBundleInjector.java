package io.neo4jguard.certs.kube;

import io.fabric8.kubernetes.api.model.admissionregistration.v1.WebhookClientConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.neo4jguard.certs.BundlePublisher;
import io.neo4jguard.certs.CaBundle;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes a CA bundle into {@code clientConfig.caBundle} of every webhook of the ValidatingWebhookConfiguration
 * and the MutatingWebhookConfiguration named alike (what {@code certs inject} and cainjector do). Either may be
 * absent (a chart may turn mutation off); both absent is an error. Needs {@code get} and {@code patch} on
 * both resources, which RBAC can restrict to the one name.
 */
public final class CaBundleInjector {
    /**
     * Attempts per configuration. A retry follows only a failed name test (entries reordered between our read
     * and our patch), which needs a concurrent edit; three survive two in a row.
     */
    private static final int ATTEMPTS = 3;
    /** HTTP status the API server returns when a JSON Patch {@code test} fails. */
    private static final int UNPROCESSABLE = 422;
    private static final int NOT_FOUND = 404;

    private final KubernetesClient client;

    public CaBundleInjector(KubernetesClient client) {
        this.client = client;
    }

    /** What happened to one configuration. {@code patch} is the JSON Patch sent (or that would be, on a dry run). */
    public record Outcome(String kind, String name, boolean found, int webhooks, int updated, String patch) {
        public String describe() {
            if (!found) {
                return kind + " " + name + ": not found (skipped)";
            }
            if (webhooks == 0) {
                return kind + " " + name + ": has no webhooks";
            }
            return kind + " " + name + ": " + (updated == 0 ? "caBundle already up to date on all "
                    + webhooks + " webhook(s)" : "caBundle set on " + updated + " of " + webhooks + " webhook(s)");
        }
    }

    public List<Outcome> inject(String name, List<X509Certificate> bundle, boolean dryRun) throws IOException {
        String caBundle = CaBundle.encode(bundle);
        List<Outcome> out = new ArrayList<>();
        out.add(one("ValidatingWebhookConfiguration",
                client.admissionRegistration().v1().validatingWebhookConfigurations().withName(name), name,
                c -> c.getWebhooks().stream().map(w -> entry(w.getName(), w.getClientConfig())).toList(),
                caBundle, dryRun));
        out.add(one("MutatingWebhookConfiguration",
                client.admissionRegistration().v1().mutatingWebhookConfigurations().withName(name), name,
                c -> c.getWebhooks().stream().map(w -> entry(w.getName(), w.getClientConfig())).toList(),
                caBundle, dryRun));
        if (out.stream().noneMatch(Outcome::found)) {
            throw new IOException("no ValidatingWebhookConfiguration or MutatingWebhookConfiguration named '" + name
                    + "' (install the webhook configurations first, or check --webhook)");
        }
        return out;
    }

    /** This injector as the publisher of {@link io.neo4jguard.certs.RotationLoop}: injects into {@code name}. */
    public BundlePublisher publisher(String name) {
        return bundle -> inject(name, bundle, false);
    }

    private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> Outcome one(
            String kind, Resource<T> resource, String name, Function<T, List<WebhookPatch.Webhook>> webhooks,
            String caBundle, boolean dryRun) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                T config = resource.get();
                if (config == null) {
                    return new Outcome(kind, name, false, 0, 0, null);
                }
                List<WebhookPatch.Webhook> entries = webhooks.apply(config);
                List<WebhookPatch.Operation> ops = WebhookPatch.build(entries, caBundle);
                String json = ops.isEmpty() ? null : WebhookPatch.toJson(ops);
                if (json != null && !dryRun) {
                    resource.patch(PatchContext.of(PatchType.JSON), json);
                }
                return new Outcome(kind, name, true, entries.size(), WebhookPatch.changes(ops), json);
            } catch (KubernetesClientException e) {
                boolean retry = (e.getCode() == UNPROCESSABLE || e.getCode() == NOT_FOUND) && attempt < ATTEMPTS;
                if (!retry) {
                    throw new IOException(kind + " " + name + ": " + Kube.describe(e));
                }
            } catch (IllegalStateException e) {
                throw new IOException(kind + " " + name + ": " + e.getMessage());
            }
        }
    }

    private static WebhookPatch.Webhook entry(String webhook, WebhookClientConfig cc) {
        if (cc == null) {
            throw new IllegalStateException("webhook '" + webhook + "' has no clientConfig");
        }
        return new WebhookPatch.Webhook(webhook, cc.getCaBundle());
    }
}
