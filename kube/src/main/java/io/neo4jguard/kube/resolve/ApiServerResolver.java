package io.neo4jguard.kube.resolve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resolution;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.kube.KubeClients;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Cross-object lookups against the API server, read-only (RBAC: get/list/watch on our kinds, get on
 * Secrets). Our kinds are answered from informer caches (fabric8 {@link SharedIndexInformer}), one per
 * kind, started on the first lookup of that kind and authoritative only once their first LIST has
 * synced. Secrets are never cached or listed: one GET by name when a rule asks.
 *
 * <p>Every lookup is bounded by the request's deadline: a kind whose cache has not synced, or a GET that
 * has not answered by then, is {@code Resolution.unknown(...)} (the rule warns instead of erring) and
 * the cache keeps syncing in the background for the next request. Nothing here can hang a request.
 */
public final class ApiServerResolver implements ResolverProvider {
    /** The kinds the rules look up by name or list (validation-core's rules; see the report). */
    static final Set<String> CACHED = Set.of(Kinds.CLUSTER, Kinds.STANDALONE, Kinds.DATABASE, Kinds.PLUGIN,
            Kinds.BACKUP, Kinds.USER);
    static final String SECRET = "Secret";

    /**
     * After a failed start (API server unreachable, RBAC missing), a kind's cache is retried no sooner
     * than this, so a broken connection is not hammered by every admission request. An answer that says
     * when to come back (429 with {@code retryAfterSeconds}, e.g. "storage is (re)initializing" right after a
     * CRD is installed, which asks for 1 s) is retried that much sooner, never later.
     */
    static final Duration RETRY_AFTER = Duration.ofSeconds(10);
    private static final int TOO_MANY_REQUESTS = 429;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<KubernetesClient> clientFactory;
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "api-server-lookup");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, KindCache> caches = new ConcurrentHashMap<>();
    private volatile CompletableFuture<KubernetesClient> client;

    /** @param clientFactory builds the client on first use (e.g. {@code KubeClients.system()::client}) */
    public ApiServerResolver(Supplier<KubernetesClient> clientFactory) {
        this.clientFactory = clientFactory;
    }

    /** A resolver using the kubeconfig or in-cluster service account {@link KubeClients#discover()} finds. */
    public static ApiServerResolver autoConfigured() {
        return new ApiServerResolver(KubeClients.system()::client);
    }

    @Override
    public Resolver forRequest(long deadlineNanos) {
        return new Session(deadlineNanos);
    }

    @Override
    public void close() {
        caches.values().forEach(KindCache::stop);
        CompletableFuture<KubernetesClient> c = client;
        if (c != null && c.isDone() && !c.isCompletedExceptionally()) {
            c.join().close();
        }
        background.shutdownNow();
    }

    private CompletableFuture<KubernetesClient> client() {
        CompletableFuture<KubernetesClient> c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = CompletableFuture.supplyAsync(clientFactory, background);
                }
                c = client;
            }
        }
        return c;
    }

    private KindCache cache(String kind) {
        KindCache c = caches.compute(kind, (k, existing) -> {
            if (existing != null && !existing.retryDue()) {
                return existing;
            }
            if (existing != null) {
                existing.stop();
            }
            return new KindCache(k);
        });
        return c;
    }

    /** One kind's informer and whether its first LIST has completed. */
    private final class KindCache {
        final String kind;
        final CompletableFuture<SharedIndexInformer<GenericKubernetesResource>> synced;
        /** When a failed start may be retried; set when it fails (until then the default from now). */
        volatile long retryAtNanos = System.nanoTime() + RETRY_AFTER.toNanos();
        volatile SharedIndexInformer<GenericKubernetesResource> informer;

        KindCache(String kind) {
            this.kind = kind;
            this.synced = client().thenComposeAsync(c -> {
                ResourceDefinitionContext ctx = new ResourceDefinitionContext.Builder()
                        .withGroup(Kinds.GROUP).withVersion(Kinds.VERSION).withKind(kind)
                        .withPlural(kind.toLowerCase(java.util.Locale.ROOT) + "s").withNamespaced(true).build();
                SharedIndexInformer<GenericKubernetesResource> inf =
                        c.genericKubernetesResources(ctx).inAnyNamespace().runnableInformer(0);
                informer = inf;
                return inf.start().toCompletableFuture().thenApply(v -> inf);
            }, background);
            synced.whenComplete((inf, failure) -> {
                if (failure != null) {
                    retryAtNanos = System.nanoTime() + retryDelay(failure).toNanos();
                }
            });
        }

        boolean retryDue() {
            return synced.isCompletedExceptionally() && System.nanoTime() - retryAtNanos >= 0;
        }

        void stop() {
            SharedIndexInformer<GenericKubernetesResource> i = informer;
            if (i != null) {
                i.stop();
            }
        }
    }

    /** One request's view, bounded by its deadline. */
    private final class Session implements Resolver {
        private final long deadline;

        Session(long deadline) {
            this.deadline = deadline;
        }

        @Override
        public boolean authoritative() {
            // Answers are FOUND/NOT_FOUND only from a synced cache or a completed GET; anything else is UNKNOWN.
            return true;
        }

        @Override
        public Resolution resolve(String kind, String namespace, String name) {
            if (SECRET.equals(kind)) {
                return secret(namespace, name);
            }
            if (!CACHED.contains(kind)) {
                return Resolution.unknown(kind + " is not looked up by neo4j-guard");
            }
            SharedIndexInformer<GenericKubernetesResource> inf = synced(kind);
            if (inf == null) {
                return Resolution.unknown(notSynced(kind));
            }
            GenericKubernetesResource r = inf.getIndexer().getByKey(Cache.namespaceKeyFunc(namespace, name));
            return r == null ? Resolution.notFound() : Resolution.found(resource(r));
        }

        @Override
        public List<Resource> list(String kind, String namespace) {
            if (!CACHED.contains(kind)) {
                return List.of();
            }
            SharedIndexInformer<GenericKubernetesResource> inf = synced(kind);
            if (inf == null) {
                return List.of();
            }
            return inf.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace).stream()
                    .map(ApiServerResolver::resource).toList();
        }

        private SharedIndexInformer<GenericKubernetesResource> synced(String kind) {
            try {
                return cache(kind).synced.get(remaining(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        private Resolution secret(String namespace, String name) {
            CompletableFuture<Secret> get = client().thenApplyAsync(
                    c -> c.secrets().inNamespace(namespace).withName(name).get(), background);
            try {
                Secret s = get.get(remaining(), TimeUnit.NANOSECONDS);
                return s == null ? Resolution.notFound() : Resolution.found(resource(s));
            } catch (TimeoutException e) {
                get.cancel(true);
                return Resolution.unknown("the API server did not answer for Secret " + name + " in time");
            } catch (ExecutionException e) {
                return Resolution.unknown("Secret " + name + " could not be read from the API server ("
                        + rootCause(e).getClass().getSimpleName() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Resolution.unknown("interrupted");
            }
        }

        private long remaining() {
            return Math.max(0, deadline - System.nanoTime());
        }

        private String notSynced(String kind) {
            KindCache c = caches.get(kind);
            if (c != null && c.synced.isCompletedExceptionally()) {
                return "the API server could not list " + kind + " objects (retried within "
                        + RETRY_AFTER.toSeconds() + " s)";
            }
            return "the " + kind + " objects of the cluster are not loaded yet";
        }
    }

    /** {@link #RETRY_AFTER}, or sooner when the API server answered 429 and said when to come back. */
    static Duration retryDelay(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof KubernetesClientException k && k.getCode() == TOO_MANY_REQUESTS && k.getStatus() != null
                    && k.getStatus().getDetails() != null && k.getStatus().getDetails().getRetryAfterSeconds() != null
                    && k.getStatus().getDetails().getRetryAfterSeconds() > 0) {
                Duration asked = Duration.ofSeconds(k.getStatus().getDetails().getRetryAfterSeconds());
                return asked.compareTo(RETRY_AFTER) < 0 ? asked : RETRY_AFTER;
            }
        }
        return RETRY_AFTER;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    private static Resource resource(Object fabric8Object) {
        return Resource.of((ObjectNode) JSON.valueToTree(fabric8Object));
    }
}
