package io.neo4jguard.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.neo4jguard.core.Validator;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.defaults.Defaulter;
import io.neo4jguard.core.defaults.Defaults;
import io.neo4jguard.core.defaults.DefaultsOptions;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.policy.Policy;
import io.neo4jguard.core.rules.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever goes wrong inside, the API server gets an AdmissionReview within the budget: /validate
 * fails closed (denied, saying why), /mutate fails open (admitted without a patch, with a warning).
 */
class FailurePathIT {
    static final Duration BUDGET = Duration.ofMillis(400);
    static final RuleMeta STUCK = new RuleMeta("test.stuck", "never returns", Severity.ERROR, Set.of(Kinds.CLUSTER),
            "test", "test", "");

    /** A check that never returns and ignores interrupts: the worst a rule can do. */
    static final Check NEVER_RETURNS = new Check() {
        @Override
        public List<RuleMeta> rules() {
            return List.of(STUCK);
        }

        @Override
        public void check(RuleContext ctx) {
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        }
    };

    static final Check THROWS = new Check() {
        @Override
        public List<RuleMeta> rules() {
            return List.of(new RuleMeta("test.throws", "throws", Severity.ERROR, Set.of(Kinds.CLUSTER), "t", "t", ""));
        }

        @Override
        public void check(RuleContext ctx) {
            throw new IllegalStateException("boom with secret hunter2");
        }
    };

    static final Defaulter SLOW_DEFAULTER = new Defaulter() {
        @Override
        public RuleMeta meta() {
            return new RuleMeta("test.slow-default", "slow", Severity.WARNING, Set.of(Kinds.CLUSTER), "t", "t", "");
        }

        @Override
        public void propose(io.neo4jguard.core.api.Resource object, DefaultsOptions options,
                            io.neo4jguard.core.defaults.Proposals proposals) {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    };

    @Test
    void aCheckThatNeverReturnsDeniesWithinTheBudgetAndMutateAdmitsWithoutPatch(@TempDir Path dir) throws Exception {
        List<Check> checks = new ArrayList<>(Catalog.standard());
        checks.add(NEVER_RETURNS);
        try (TestServer s = TestServer.start(dir, c -> c.answerBudget(BUDGET).warmUpLimit(Duration.ZERO)
                .validator(Validator.of(checks, Policy.defaults()))
                .defaults(new Defaults(List.of(SLOW_DEFAULTER), DefaultsOptions.STANDARD)))) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = s.post("/validate", Reviews.text("validate-allow"));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode resp = TestServer.JSON.readTree(r.body()).path("response");
            assertThat(resp.path("allowed").asBoolean()).isFalse();
            assertThat(resp.path("status").path("code").asInt()).isEqualTo(500);
            assertThat(resp.path("status").path("reason").asText()).isEqualTo("InternalError");
            assertThat(resp.path("status").path("message").asText())
                    .contains("Neo4jEnterpriseCluster \"graph\"", "no answer within 400 ms", "fails closed");
            assertThat(ms).isLessThan(BUDGET.toMillis() + 3000); // bounded; the margin is for a loaded CI machine

            t0 = System.nanoTime();
            HttpResponse<String> m = s.post("/mutate", Reviews.text("mutate-defaults"));
            ms = (System.nanoTime() - t0) / 1_000_000;
            JsonNode mresp = TestServer.JSON.readTree(m.body()).path("response");
            assertThat(mresp.path("allowed").asBoolean()).isTrue();
            assertThat(mresp.has("patch")).isFalse();
            assertThat(mresp.path("warnings").get(0).asText()).startsWith("neo4j-guard: defaults not applied");
            assertThat(ms).isLessThan(BUDGET.toMillis() + 3000); // bounded; the margin is for a loaded CI machine

            // Deletes and subresources never reach the checks, so they still pass at once.
            HttpResponse<String> del = s.post("/validate", Reviews.text("validate-delete"));
            assertThat(TestServer.JSON.readTree(del.body()).path("response").path("allowed").asBoolean()).isTrue();
            assertThat(s.logs).anyMatch(l -> l.contains("\"failure\":\"no answer within 400 ms\""));
        }
    }

    @Test
    void aCheckThatThrowsIsReportedByTheEngineAndDenies(@TempDir Path dir) throws Exception {
        List<Check> checks = new ArrayList<>(Catalog.standard());
        checks.add(THROWS);
        try (TestServer s = TestServer.start(dir, c -> c.validator(Validator.of(checks, Policy.defaults())))) {
            JsonNode resp = TestServer.JSON.readTree(s.post("/validate", Reviews.text("validate-allow")).body())
                    .path("response");
            assertThat(resp.path("allowed").asBoolean()).isFalse();
            assertThat(resp.path("status").path("details").path("causes").toString()).contains("engine.check-failed");
            assertThat(String.join("\n", s.logs)).contains("engine.check-failed").doesNotContain("hunter2");
        }
    }

    @Test
    void aResolverThatThrowsOutsideTheEngineStillGetsAnAnswer(@TempDir Path dir) throws Exception {
        try (TestServer s = TestServer.start(dir, c -> c.resolvers(deadline -> {
            throw new IllegalStateException("resolver exploded");
        }))) {
            JsonNode resp = TestServer.JSON.readTree(s.post("/validate", Reviews.text("validate-allow")).body())
                    .path("response");
            assertThat(resp.path("allowed").asBoolean()).isFalse();
            assertThat(resp.path("status").path("message").asText()).contains("internal error (IllegalStateException)");
            assertThat(resp.path("uid").asText()).isEqualTo("a1b2c3d4-0001-4000-8000-000000000001");
        }
    }
}
