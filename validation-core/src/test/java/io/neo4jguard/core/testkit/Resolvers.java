package io.neo4jguard.core.testkit;

import io.neo4jguard.core.RunResolver;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.api.Resource;

import java.util.Collection;
import java.util.List;

/**
 * Resolvers over a fixed set of objects for tests: the CLI's own {@link RunResolver} (the public factory of
 * main code), so tests resolve exactly as a run does, with a manifest's missing namespace read as
 * {@code default}. Authoritative is the webhook's view (not found means absent); non-authoritative the CLI's.
 */
public final class Resolvers {
    private Resolvers() {
    }

    public static Resolver of(boolean authoritative, Resource... objects) {
        return of(authoritative, List.of(objects));
    }

    public static Resolver of(boolean authoritative, Collection<Resource> objects) {
        return new RunResolver(List.copyOf(objects), authoritative);
    }
}
