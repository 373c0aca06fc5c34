package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.testkit.Manifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.neo4jguard.core.rules.server.ServerFixtures.cluster;
import static io.neo4jguard.core.testkit.CheckRun.run;
import static io.neo4jguard.core.rules.server.ServerFixtures.standalone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class LicenseCheckTest {
    private final LicenseCheck check = new LicenseCheck();

    static Stream<Arguments> values() {
        return Stream.of(
                // spec line, error expected, message fragment, fix value (null = no fix)
                arguments("acceptLicenseAgreement: \"yes\"", false, "", null),
                arguments("acceptLicenseAgreement: eval", false, "", null),
                // yes/true unquoted and numbers are type errors: the structure check reports them (once).
                arguments("acceptLicenseAgreement: yes", false, "", null),
                arguments("acceptLicenseAgreement: true", false, "", null),
                arguments("acceptLicenseAgreement: no", true, "the licence is not accepted", null),
                arguments("acceptLicenseAgreement: \"Yes\"", true, "Unsupported value: \"Yes\"", "yes"),
                arguments("acceptLicenseAgreement: \" eval \"", true, "Unsupported value: \" eval \"", "eval"),
                arguments("acceptLicenseAgreement: accept", true, "supported values: \"yes\", \"eval\"", null),
                arguments("acceptLicenseAgreement: \"\"", true, "Required value", null),
                arguments("acceptLicenseAgreement: 1", false, "", null),
                arguments("image: {repo: neo4j}", true, "Required value", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void licenceValues(String line, boolean error, String fragment, String fix) {
        for (var resource : List.of(cluster(line), standalone(line))) {
            List<Finding> fs = run(check, resource);
            if (!error) {
                assertThat(fs).isEmpty();
                continue;
            }
            assertThat(fs).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo("license.accept-agreement");
                assertThat(f.field()).isEqualTo("spec.acceptLicenseAgreement");
                assertThat(f.message()).contains(fragment);
                if (fix == null) {
                    assertThat(f.fix()).isEmpty();
                } else {
                    assertThat(f.fix()).singleElement().satisfies(p -> {
                        assertThat(p.op()).isEqualTo("replace");
                        assertThat(p.path()).isEqualTo("/spec/acceptLicenseAgreement");
                        assertThat(p.value().textValue()).isEqualTo(fix);
                    });
                }
            });
        }
    }

    @Test
    void unquotedYesIsReportedOnceByTheWholeEngineWithAHintAndFixToQuoteIt() {
        List<Finding> fs = io.neo4jguard.core.Validator.standard()
                .validate(cluster("acceptLicenseAgreement: yes"), null, null).stream()
                .filter(f -> f.field().equals("spec.acceptLicenseAgreement")).toList();
        assertThat(fs).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("schema.invalid-type");
            assertThat(f.hint()).contains("quote it").contains("\"yes\"");
            assertThat(f.fix()).singleElement().satisfies(p -> assertThat(p.value().textValue()).isEqualTo("yes"));
        });
    }

    @Test
    void missingSpecIsReportedNotThrown() {
        var r = Manifests.one("apiVersion: neo4j.neo4j.com/v1beta1\nkind: Neo4jEnterpriseCluster\n"
                + "metadata: {name: g}\n");
        assertThat(run(check, r)).extracting(Finding::rule).containsExactly("license.accept-agreement");
    }
}
