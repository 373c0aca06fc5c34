package io.neo4jguard.reconciler.diagnostics;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RetryHintTest {
    private static final DiagnosticsSummary DOWN = DiagnosticsSummary.failed(
            new QueryFailure(QueryFailure.Kind.UNREACHABLE, "connection refused"));

    @Test
    void anUnreachableClusterIsAskedLessAndLessOftenUpToTheCap() {
        List<Long> seconds = IntStream.rangeClosed(0, 7).mapToObj(n -> RetryHint.after(DOWN, n).toSeconds()).toList();
        assertThat(seconds).containsExactly(15L, 30L, 60L, 120L, 240L, 300L, 300L, 300L);
        assertThat(RetryHint.after(DOWN, Integer.MAX_VALUE)).isEqualTo(RetryHint.MAX_RETRY);
        assertThat(RetryHint.after(DOWN, -1)).isEqualTo(RetryHint.FIRST_RETRY);
    }

    @Test
    void aReachableClusterIsPolledAtTheSteadyRateWhateverFailedBefore() {
        DiagnosticsSummary up = ClusterSummariser.summarise(FakeClusterQueries.answering(List.of(),
                List.of(new DatabaseRow("system", "a:7687", "primary", "online", "online", ""))), OptionalInt.empty());
        assertThat(RetryHint.after(up, 6)).isEqualTo(Duration.ofMinutes(1));
    }
}
