package io.neo4jguard.kube.resolve;

import io.neo4jguard.core.api.Resolver;

/**
 * Gives each admission request a {@link Resolver} for cross-object rules, bounded by that request's
 * deadline: a lookup that cannot be answered by then is {@code Resolution.unknown(...)}, never a wait.
 */
@FunctionalInterface
public interface ResolverProvider {
    /** No cluster: every lookup is unknown (rules then warn instead of erring). */
    ResolverProvider NONE = deadline -> Resolver.NONE;

    /**
     * @param deadlineNanos {@link System#nanoTime()} by which every lookup of the request must have answered
     */
    Resolver forRequest(long deadlineNanos);

    /** The same resolver for every request (tests: an in-memory resolver). */
    static ResolverProvider fixed(Resolver resolver) {
        return deadline -> resolver;
    }

    /** Releases watches and clients; nothing for resolvers that hold none. */
    default void close() {
    }
}
