package io.neo4jguard.reconciler.diagnostics;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import java.net.URI;

/**
 * One in-process Neo4j 5.26 Community per test JVM (it takes about 20 s to start on a loaded two-core machine,
 * reconciler-facts §5), with authentication on and a known admin password, Bolt on a random loopback port and
 * no HTTP server. Held in JUnit's root store, so it is closed once, after the last test class; a test gets it as
 * a parameter through {@link Resolver}.
 */
final class EmbeddedNeo4j implements ExtensionContext.Store.CloseableResource {
    /** What the admin Secret of the tests holds; long and odd enough that a leak is unmistakable in any text. */
    static final String PASSWORD = "Diag-Secret-5f1c9e-p4ss";

    /**
     * The address the server advertises, which SHOW DATABASES reports per placement (Bolt's default port 7687
     * appended); nothing dials it, the tests use {@link #bolt()}.
     */
    static final String ADVERTISED_HOST = "server-0.diagnostics.invalid";

    private final Neo4j neo4j;

    private EmbeddedNeo4j() {
        neo4j = Neo4jBuilders.newInProcessBuilder()
                .withDisabledServer()
                // The harness turns authentication off by default; the diagnostics must log in like in a cluster.
                .withConfig(GraphDatabaseSettings.auth_enabled, true)
                .withConfig(GraphDatabaseSettings.default_advertised_address, new SocketAddress(ADVERTISED_HOST))
                .build();
        // In-process calls bypass authentication: set the admin password as the image does from NEO4J_AUTH.
        neo4j.databaseManagementService().database("system").executeTransactionally(
                "ALTER USER neo4j SET PASSWORD '" + PASSWORD + "' CHANGE NOT REQUIRED");
    }

    /** {@code @ExtendWith(EmbeddedNeo4j.Resolver.class)}: methods (also {@code @BeforeAll}) take an EmbeddedNeo4j. */
    static final class Resolver implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == EmbeddedNeo4j.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return get(context);
        }
    }

    private static EmbeddedNeo4j get(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(EmbeddedNeo4j.class, k -> new EmbeddedNeo4j(), EmbeddedNeo4j.class);
    }

    URI bolt() {
        return neo4j.boltURI();
    }

    @Override
    public void close() {
        neo4j.close();
    }
}
