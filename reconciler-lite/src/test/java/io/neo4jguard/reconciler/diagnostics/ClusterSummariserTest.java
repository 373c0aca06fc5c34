package io.neo4jguard.reconciler.diagnostics;

import com.fasterxml.jackson.databind.JsonNode;
import io.neo4jguard.reconciler.diagnostics.DiagnosticCondition.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterSummariserTest {
    private static final List<DatabaseRow> ONLINE = List.of(
            db("system", "server-0:7687", "primary", "online", "online", ""),
            db("neo4j", "server-0:7687", "primary", "online", "online", ""),
            db("system", "server-1:7687", "primary", "online", "online", ""),
            db("neo4j", "server-1:7687", "primary", "online", "online", ""));

    private static ServerRow server(int i, String state, String health) {
        return new ServerRow("server-" + i, "server-" + i + ":7687", state, health, List.of("system", "neo4j"));
    }

    private static DatabaseRow db(String name, String address, String role, String requested, String current,
                                  String message) {
        return new DatabaseRow(name, address, role, requested, current, message);
    }

    private static List<ServerRow> healthy(int n) {
        return IntStream.range(0, n).mapToObj(i -> server(i, "Enabled", "Available")).toList();
    }

    private static DiagnosticsSummary summarise(FakeClusterQueries q, int expected) {
        return ClusterSummariser.summarise(q, expected < 0 ? OptionalInt.empty() : OptionalInt.of(expected));
    }

    @Test
    void aHealthyClusterIsTrueOnBothWithItsCounts() {
        DiagnosticsSummary s = summarise(FakeClusterQueries.answering(healthy(3), ONLINE), 3);

        assertThat(s.serversHealthy().status()).isEqualTo(Status.True);
        assertThat(s.serversHealthy().reason()).isEqualTo("AllServersAvailable");
        assertThat(s.servers().orElseThrow()).extracting(ServersSummary::total, ServersSummary::enabled,
                ServersSummary::available).containsExactly(3, 3, 3);
        assertThat(s.databasesHealthy().status()).isEqualTo(Status.True);
        assertThat(s.databasesHealthy().reason()).isEqualTo("AllDatabasesAsRequested");
        assertThat(s.databases().orElseThrow().total()).isEqualTo(2);
        assertThat(s.reached()).isTrue();
    }

    @Test
    void anUnavailableServerIsNamedWithItsHealth() {
        List<ServerRow> rows = List.of(server(0, "Enabled", "Available"), server(1, "Enabled", "Unavailable"),
                server(2, "Enabled", "Available"));
        DiagnosticCondition c = summarise(FakeClusterQueries.answering(rows, ONLINE), 3).serversHealthy();

        assertThat(c.status()).isEqualTo(Status.False);
        assertThat(c.reason()).isEqualTo("ServersUnavailable");
        assertThat(c.message()).startsWith("2/3 servers available, 3 enabled")
                .contains("server-1 (server-1:7687) is Unavailable").doesNotContain("server-0");
    }

    @Test
    void unavailabilityOutranksAServerThatIsNotEnabled() {
        List<ServerRow> rows = List.of(server(0, "Cordoned", "Available"), server(1, "Enabled", "Degraded"));
        assertThat(summarise(FakeClusterQueries.answering(rows, ONLINE), -1).serversHealthy().reason())
                .isEqualTo("ServersUnavailable");
    }

    /** Enterprise's states other than Enabled: the server runs but takes (or keeps) no databases. */
    @ParameterizedTest
    @ValueSource(strings = {"Free", "Cordoned", "Deallocating", "Dropped"})
    void aServerThatIsNotEnabledMakesServersUnhealthy(String state) {
        List<ServerRow> rows = List.of(server(0, "Enabled", "Available"), server(1, state, "Available"));
        DiagnosticsSummary s = summarise(FakeClusterQueries.answering(rows, ONLINE), -1);

        assertThat(s.serversHealthy().status()).isEqualTo(Status.False);
        assertThat(s.serversHealthy().reason()).isEqualTo("ServersNotEnabled");
        assertThat(s.serversHealthy().message()).contains("server-1 (server-1:7687) is " + state);
        assertThat(s.servers().orElseThrow().enabled()).isEqualTo(1);
        assertThat(s.databasesHealthy().status()).isEqualTo(Status.True); // databases are judged on their own
    }

    @Test
    void fewerEnabledServersThanTheSpecAsksForAreMissing() {
        List<ServerRow> rows = List.of(server(0, "Enabled", "Available"), server(1, "Enabled", "Available"),
                server(2, "Free", "Available"));
        DiagnosticCondition c = summarise(FakeClusterQueries.answering(rows, ONLINE), 3).serversHealthy();
        assertThat(c.reason()).isEqualTo("ServersMissing");
        assertThat(c.message()).startsWith("2 of 3 expected servers enabled").contains("server-2 (server-2:7687) is Free");

        DiagnosticCondition scaled = summarise(FakeClusterQueries.answering(healthy(3), ONLINE), 5).serversHealthy();
        assertThat(scaled.status()).isEqualTo(Status.False);
        assertThat(scaled.message()).isEqualTo("3 of 5 expected servers enabled");
    }

    @Test
    void noServerListedIsFalse() {
        assertThat(summarise(FakeClusterQueries.answering(List.of(), ONLINE), -1).serversHealthy())
                .extracting(DiagnosticCondition::status, DiagnosticCondition::reason)
                .containsExactly(Status.False, "NoServers");
    }

    @Test
    void aQuarantinedDatabaseIsNamedWithItsServerAndNeo4jsMessage() {
        List<DatabaseRow> rows = new ArrayList<>(ONLINE);
        rows.set(3, db("neo4j", "server-1:7687", "secondary", "online", "quarantined", "Store corrupted "));
        DiagnosticsSummary s = summarise(FakeClusterQueries.answering(healthy(2), rows), 2);

        assertThat(s.databasesHealthy().status()).isEqualTo(Status.False);
        assertThat(s.databasesHealthy().reason()).isEqualTo("DatabasesQuarantined");
        assertThat(s.databasesHealthy().message()).isEqualTo(
                "1/2 databases as requested: neo4j on server-1:7687: requested online, current quarantined "
                        + "(Store corrupted)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"offline", "starting", "store copying", "unknown", "dirty"})
    void aDatabaseNotInTheRequestedStatusIsFalse(String current) {
        List<DatabaseRow> rows = List.of(db("system", "a:7687", "primary", "online", "online", ""),
                db("sales", "a:7687", "primary", "online", current, ""));
        DiagnosticCondition c = summarise(FakeClusterQueries.answering(healthy(1), rows), -1).databasesHealthy();

        assertThat(c.status()).isEqualTo(Status.False);
        assertThat(c.reason()).isEqualTo("DatabasesNotAsRequested");
        assertThat(c.message()).isEqualTo("1/2 databases as requested: sales on a:7687: requested online, current "
                + current);
    }

    @Test
    void aDatabaseStoppedOnPurposeIsHealthy() {
        List<DatabaseRow> rows = List.of(db("system", "a:7687", "primary", "online", "online", ""),
                db("archive", "a:7687", "primary", "offline", "offline", ""));
        DiagnosticCondition c = summarise(FakeClusterQueries.answering(healthy(1), rows), -1).databasesHealthy();

        assertThat(c.status()).isEqualTo(Status.True);
        assertThat(c.message()).isEqualTo("2 databases as requested: archive offline, system online");
    }

    @Test
    void communityHasNoShowServersButItsDatabasesAreStillSummarised() {
        QueryFailure community = new QueryFailure(QueryFailure.Kind.NOT_SUPPORTED, "SHOW SERVERS is Enterprise-only");
        FakeClusterQueries q = FakeClusterQueries.serversFail(community, ONLINE);
        DiagnosticsSummary s = summarise(q, 1);

        assertThat(s.serversHealthy()).extracting(DiagnosticCondition::status, DiagnosticCondition::reason)
                .containsExactly(Status.Unknown, "NotAvailableOnCommunity");
        assertThat(s.servers()).isEmpty();
        assertThat(s.databasesHealthy().status()).isEqualTo(Status.True);
        assertThat(q.databaseCalls).isEqualTo(1);
        assertThat(s.reached()).isTrue();
        assertThat(RetryHint.after(s, 3)).isEqualTo(RetryHint.POLL);
    }

    /** The second query would wait out the same dead connection: it is not sent. */
    @ParameterizedTest
    @ValueSource(strings = {"UNREACHABLE", "AUTH_FAILED", "TIMEOUT"})
    void aConnectionFailureMakesBothConditionsUnknownAndAsksOnce(String kind) {
        QueryFailure f = new QueryFailure(QueryFailure.Kind.valueOf(kind), "cannot reach bolt://x:7687");
        FakeClusterQueries q = FakeClusterQueries.serversFail(f, ONLINE);
        DiagnosticsSummary s = summarise(q, 3);

        assertThat(s.conditions()).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(Status.Unknown);
            assertThat(c.reason()).isEqualTo(f.reason());
            assertThat(c.message()).isEqualTo("cannot reach bolt://x:7687");
        });
        assertThat(q.serverCalls).isEqualTo(1);
        assertThat(q.databaseCalls).isZero();
        assertThat(s.reached()).isFalse();
        assertThat(s.toJson().isEmpty()).isTrue();
    }

    @Test
    void aFailedDatabasesQueryKeepsTheServers() {
        QueryFailure f = new QueryFailure(QueryFailure.Kind.QUERY_FAILED, "boom");
        DiagnosticsSummary s = summarise(FakeClusterQueries.databasesFail(healthy(3), f), 3);

        assertThat(s.serversHealthy().status()).isEqualTo(Status.True);
        assertThat(s.databasesHealthy()).extracting(DiagnosticCondition::status, DiagnosticCondition::reason)
                .containsExactly(Status.Unknown, "QueryFailed");
        assertThat(s.toJson().has("servers")).isTrue();
        assertThat(s.toJson().has("databases")).isFalse();
    }

    @Test
    void longMessagesAreCutAtAProblemAndSaySo() {
        List<ServerRow> rows = IntStream.range(0, 200).mapToObj(i -> server(i, "Enabled", "Unavailable")).toList();
        String m = summarise(FakeClusterQueries.answering(rows, ONLINE), -1).serversHealthy().message();

        assertThat(m.length()).isLessThanOrEqualTo(DiagnosticCondition.MAX_MESSAGE);
        assertThat(m).endsWith("is Unavailable … (truncated)").contains("server-0 (server-0:7687) is Unavailable");
    }

    @Test
    void theStatusJsonIsSortedByDatabaseAndHasEveryPlacement() {
        List<DatabaseRow> rows = List.of(db("zeta", "a:7687", "primary", "online", "online", ""),
                db("alpha", "a:7687", "primary", "online", "starting", "waiting for store copy"),
                db("alpha", "b:7687", "secondary", "online", "online", ""));
        JsonNode json = summarise(FakeClusterQueries.answering(healthy(2), rows), -1).toJson();

        assertThat(json.at("/servers/total").asInt()).isEqualTo(2);
        assertThat(json.at("/servers/members/1/name").asText()).isEqualTo("server-1");
        assertThat(json.at("/servers/members/1/databases").asInt()).isEqualTo(2);
        assertThat(json.at("/databases/total").asInt()).isEqualTo(2);
        assertThat(json.at("/databases/asRequested").asInt()).isEqualTo(1);
        assertThat(json.at("/databases/members/0/name").asText()).isEqualTo("alpha");
        assertThat(json.at("/databases/members/0/placements")).hasSize(2);
        assertThat(json.at("/databases/members/0/placements/0/statusMessage").asText())
                .isEqualTo("waiting for store copy");
        assertThat(json.at("/databases/members/0/placements/1/statusMessage").isMissingNode()).isTrue();
        assertThat(json.at("/databases/members/1/name").asText()).isEqualTo("zeta");
    }

    @Test
    void theSameAnswersGiveAnEqualSummary() {
        assertThat(summarise(FakeClusterQueries.answering(healthy(3), ONLINE), 3))
                .isEqualTo(summarise(FakeClusterQueries.answering(healthy(3), ONLINE), 3));
    }
}
