package io.neo4jguard.reconciler.diagnostics;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.ResultCursor;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.SecurityException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.logging.Level;

/**
 * {@link ClusterQueries} over Bolt with neo4j-java-driver. Every query is bounded twice: the server is told the
 * transaction timeout, and the caller waits at most {@link DiagnosticsBounds#perQuery()} whatever the server or
 * the network do. Queries run as auto-commit on the {@code system} database, so the driver's own retries (up to
 * 30 s of them for managed transactions) never stretch a failed diagnosis: backing off is the caller's job
 * ({@link RetryHint}). One instance holds one driver (one connection); close it when the cluster is gone.
 */
public final class BoltClusterQueries implements ClusterQueries, AutoCloseable {
    private static final SessionConfig SYSTEM = SessionConfig.forDatabase("system");
    /**
     * What Neo4j 5.26 Community answers to {@code SHOW SERVERS} (measured in BoltDiagnosticsIT, message
     * "Unsupported administration command"). Its usual meaning, "run this on the system database", cannot apply:
     * every query here already runs there, so on this session it always means the edition lacks the command.
     */
    private static final String UNSUPPORTED_COMMAND = "Neo.ClientError.Statement.NotSystemDatabaseError";

    private final Driver driver;
    private final URI uri;
    private final AdminCredentials credentials;
    private final DiagnosticsBounds bounds;

    private BoltClusterQueries(Driver driver, URI uri, AdminCredentials credentials, DiagnosticsBounds bounds) {
        this.driver = driver;
        this.uri = uri;
        this.credentials = credentials;
        this.bounds = bounds;
    }

    /**
     * A query layer for the server at {@code uri} ({@code bolt://} or {@code bolt+s://}: one server is enough, both
     * commands answer from the system database's view of the whole cluster). Connects lazily, on the first query.
     */
    public static BoltClusterQueries open(URI uri, AdminCredentials credentials, DiagnosticsBounds bounds) {
        Config config = Config.builder()
                .withConnectionTimeout(bounds.connect().toMillis(), TimeUnit.MILLISECONDS)
                // Longer than the caller's own wait (perQuery), so a hung handshake is always our TIMEOUT; the
                // driver's own give-up then only ends the abandoned attempt in the background.
                .withConnectionAcquisitionTimeout(bounds.perQuery().plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS)
                // Two queries in sequence, one at a time: one connection is all a diagnosis needs.
                .withMaxConnectionPoolSize(1)
                .withMaxTransactionRetryTime(0, TimeUnit.MILLISECONDS)
                .withTelemetryDisabled(true)
                // The driver's warnings (a broken connection, a server it cannot route to) go to the JVM's log;
                // its debug output would trace every message of the session, which is not ours to publish.
                .withLogging(Logging.javaUtilLogging(Level.WARNING))
                .build();
        Driver driver = GraphDatabase.driver(uri, AuthTokens.basic(credentials.username(), credentials.password()),
                config);
        return new BoltClusterQueries(driver, uri, credentials, bounds);
    }

    @Override
    public List<ServerRow> servers() throws QueryFailure {
        return query("SHOW SERVERS YIELD name, address, state, health, hosting", r -> new ServerRow(
                text(r, "name"), text(r, "address"), text(r, "state"), text(r, "health"),
                r.get("hosting").isNull() ? List.of() : r.get("hosting").asList(Value::asString)));
    }

    @Override
    public List<DatabaseRow> databases() throws QueryFailure {
        return query("SHOW DATABASES YIELD name, address, role, requestedStatus, currentStatus, statusMessage",
                r -> new DatabaseRow(text(r, "name"), text(r, "address"), text(r, "role"),
                        text(r, "requestedStatus"), text(r, "currentStatus"), text(r, "statusMessage")));
    }

    private <T> List<T> query(String cypher, Function<Record, T> row) throws QueryFailure {
        TransactionConfig tx = TransactionConfig.builder().withTimeout(bounds.query()).build();
        AsyncSession session = driver.session(AsyncSession.class, SYSTEM);
        try {
            return session.runAsync(cypher, tx)
                    .thenCompose(ResultCursor::listAsync)
                    .toCompletableFuture()
                    .get(bounds.perQuery().toMillis(), TimeUnit.MILLISECONDS)
                    .stream().map(row).toList();
        } catch (TimeoutException e) {
            throw new QueryFailure(QueryFailure.Kind.TIMEOUT, "no answer from " + uri + " within "
                    + bounds.perQuery().toSeconds() + " s");
        } catch (ExecutionException | CompletionException e) {
            throw classify(e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryFailure(QueryFailure.Kind.TIMEOUT, "interrupted while asking " + uri);
        } catch (RuntimeException e) {
            throw classify(e);
        } finally {
            session.closeAsync(); // not awaited: a hung server must not hold the caller here
        }
    }

    private QueryFailure classify(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String detail = credentials.redact(t.getMessage());
        if (t instanceof SecurityException) {
            return new QueryFailure(QueryFailure.Kind.AUTH_FAILED, uri + " refused user "
                    + credentials.username() + ": " + detail);
        }
        if (t instanceof ServiceUnavailableException || t instanceof SessionExpiredException) {
            return new QueryFailure(QueryFailure.Kind.UNREACHABLE, "cannot reach " + uri + ": " + detail);
        }
        if (t instanceof ClientException c && UNSUPPORTED_COMMAND.equals(c.code())) {
            return new QueryFailure(QueryFailure.Kind.NOT_SUPPORTED, "SHOW SERVERS is not available on "
                    + "Neo4j Community (Enterprise only): " + detail);
        }
        if (t instanceof ClientException c && c.code() != null && c.code().startsWith("Neo.ClientError.Transaction.TransactionTimedOut")) {
            return new QueryFailure(QueryFailure.Kind.TIMEOUT, uri + " ended the query after "
                    + bounds.query().toSeconds() + " s: " + detail);
        }
        String code = t instanceof ClientException c && c.code() != null ? " " + c.code() : "";
        return new QueryFailure(QueryFailure.Kind.QUERY_FAILED, uri + ": " + t.getClass().getSimpleName() + code
                + ": " + detail);
    }

    private static String text(Record r, String key) {
        Value v = r.get(key);
        return v == null || v.isNull() ? "" : v.asString();
    }

    @Override
    public void close() {
        driver.closeAsync(); // bounded like a query: a dead server cannot make closing hang
    }

    @Override
    public String toString() {
        return "BoltClusterQueries[" + uri + ", " + credentials + "]";
    }
}
