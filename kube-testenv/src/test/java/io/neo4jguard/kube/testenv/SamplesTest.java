package io.neo4jguard.kube.testenv;

import io.neo4jguard.core.Validator;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.report.Report;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The samples the integration tests send to the API server are valid by our own rules: no finding at all. */
class SamplesTest {
    @Test
    void oneSampleOfEachKindWithoutFindings() {
        assertThat(Samples.byKind().keySet()).containsExactlyElementsOf(Kinds.ALL);
        Report report = Validator.standard().check(Samples.resources(), List.of(), true);
        assertThat(report.findings().map(f -> f.rule() + " " + f.field() + ": " + f.message())).isEmpty();
    }
}
