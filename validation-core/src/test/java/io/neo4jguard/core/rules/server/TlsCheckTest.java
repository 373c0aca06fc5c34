package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.testkit.Manifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static io.neo4jguard.core.rules.server.ServerFixtures.at;
import static io.neo4jguard.core.rules.server.ServerFixtures.cluster;
import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.testkit.CheckRun.run;
import static io.neo4jguard.core.rules.server.ServerFixtures.standalone;
import static org.assertj.core.api.Assertions.assertThat;

class TlsCheckTest {
    private static final String ISSUER = "mode: cert-manager\nissuerRef: {name: ca, kind: ClusterIssuer}\n";
    private final TlsCheck check = new TlsCheck();

    private List<Finding> tls(String yaml) {
        return run(check, cluster("tls:\n" + Manifests.indent(yaml)));
    }

    private static List<String> expected(String rules) {
        return rules.isBlank() ? List.of() : Arrays.asList(rules.trim().split("\\s+"));
    }

    @Test
    void noTlsBlockOrDisabledIsFine() {
        assertThat(run(check, cluster("image: {repo: neo4j}"))).isEmpty();
        assertThat(tls("mode: disabled")).isEmpty();
        assertThat(tls(ISSUER)).isEmpty();
    }

    @Test
    void presentBlockDefaultsToCertManager() {
        List<Finding> fs = run(check, cluster("tls: {}"));
        assertThat(at(fs)).containsExactly("tls.issuer-required@spec.tls.issuerRef");
        assertThat(fs.get(0).message()).contains("mode defaults to cert-manager");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "mode: cert-manager | tls.issuer-required@spec.tls.issuerRef",
            "mode: cert-manager\\nissuerRef: {kind: ClusterIssuer} | tls.issuer-required@spec.tls.issuerRef.name",
            "mode: cert-manager\\nissuerRef: {name: \"\"} | tls.issuer-required@spec.tls.issuerRef.name",
            "mode: cert-manager\\nissuerRef: {name: pca, kind: AWSPCAClusterIssuer, group: awspca.cert-manager.io} | ''",
            "mode: Cert-Manager\\nissuerRef: {name: ca} | tls.mode@spec.tls.mode",
            "mode: manual | tls.mode@spec.tls.mode",
            "mode: disabled\\nissuerRef: {kind: Issuer} | ''",
    })
    void modeAndIssuer(String yaml, String expected) {
        assertThat(at(tls(yaml.replace("\\n", "\n")))).containsExactlyInAnyOrderElementsOf(expected(expected));
    }

    @Test
    void modeCaseGetsAFix() {
        Finding f = tls("mode: Cert-Manager\nissuerRef: {name: ca}").get(0);
        assertThat(f.fix().get(0).value().textValue()).isEqualTo("cert-manager");
    }

    @ParameterizedTest(name = "duration {0}, renewBefore {1}: {2}")
    @CsvSource({
            "2160h, 360h, ''",
            "2160h, '', ''",
            "'', 360h, ''",
            "1h, '', ''",
            "59m, '', tls.duration-range",
            "59m59s, '', tls.duration-range",
            "0, '', tls.duration-range",
            "-1h, '', tls.duration-range",
            "'', 5m, ''",
            "'', 4m59s, tls.duration-range",
            "'', -5m, tls.duration-range",
            "2160h, 2160h, tls.renew-before-duration",
            "2160h, 2161h, tls.renew-before-duration",
            "2160h, 2159h, ''",
            "1h, 2h, tls.renew-before-duration",
            "1.5h, 1h30m, tls.renew-before-duration",
            "90d, '', tls.duration-format",
            "'', 15d, tls.duration-format",
            "2w, '', tls.duration-format",
            "1H, '', tls.duration-format",
            "2562048h, '', tls.duration-format",
            "2562047h, '', ''",
            "h, '', tls.duration-format",
            "10, '', tls.duration-format",
    })
    void durations(String duration, String renewBefore, String rules) {
        String yaml = ISSUER + (duration.isEmpty() ? "" : "duration: \"" + duration + "\"\n")
                + (renewBefore.isEmpty() ? "" : "renewBefore: \"" + renewBefore + "\"\n");
        assertThat(ids(tls(yaml))).containsExactlyInAnyOrderElementsOf(expected(rules));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "90d, 2160h",
            "30d, 720h",
            "2w, 336h",
            "1H, 1h",
    })
    void dayDurationsGetHourFixes(String value, String fix) {
        Finding f = tls(ISSUER + "duration: \"" + value + "\"").get(0);
        assertThat(f.message()).contains("not a Go duration");
        assertThat(f.fix()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/spec/tls/duration");
            assertThat(p.value().textValue()).isEqualTo(fix);
        });
    }

    @ParameterizedTest(name = "usages {0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "[server auth, client auth] | ''",
            "[digital signature, key encipherment, server auth, client auth] | ''",
            "[] | ''",
            "[server auth] | tls.usage-missing-eku",
            "[digital signature] | tls.usage-missing-eku",
            "[serverAuth, client auth] | tls.usage-unknown",
            "[Server Auth, Client Auth] | tls.usage-unknown tls.usage-unknown",
            "[server auth, client auth, server auth] | tls.usage-duplicate",
            "[bogus, server auth, client auth] | tls.usage-unknown",
    })
    void usages(String list, String rules) {
        assertThat(ids(tls(ISSUER + "usages: " + list))).containsExactlyInAnyOrderElementsOf(expected(rules));
    }

    @Test
    void missingEkusAreAddedByTheFix() {
        Finding f = tls(ISSUER + "usages: [digital signature]").get(0);
        assertThat(f.field()).isEqualTo("spec.tls.usages");
        assertThat(f.message()).contains("\"server auth\" and \"client auth\"");
        assertThat(f.fix()).extracting(p -> p.op() + " " + p.path() + " " + p.value().textValue())
                .containsExactly("add /spec/tls/usages/- server auth", "add /spec/tls/usages/- client auth");
    }

    @Test
    void misspeltUsageIsFixedInPlace() {
        Finding f = tls(ISSUER + "usages: [serverAuth, client auth]").get(0);
        assertThat(f.field()).isEqualTo("spec.tls.usages[0]");
        assertThat(f.hint()).contains("\"server auth\"");
        assertThat(f.fix().get(0).path()).isEqualTo("/spec/tls/usages/0");
    }

    @Test
    void standaloneGetsTheFullTlsRules() {
        // The reference checks only mode and issuer for standalones.
        assertThat(ids(run(check, standalone("tls:\n" + Manifests.indent(ISSUER
                + "duration: 90d\nusages: [server auth]")))))
                .containsExactlyInAnyOrder("tls.duration-format", "tls.usage-missing-eku");
    }

    private static final String STORE = "externalSecrets:\n  enabled: true\n  secretStoreRef: {name: vault, kind: "
            + "ClusterSecretStore}\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "externalSecrets: {enabled: false} | ''",
            "externalSecrets: {secretStoreRef: {kind: Nope}} | ''",
            "externalSecrets: {enabled: true} | spec.tls.externalSecrets.secretStoreRef spec.tls.externalSecrets.data",
            "externalSecrets: {enabled: true, secretStoreRef: {kind: Vault}, data: [{secretKey: a, remoteRef: {key: k}}]}"
                    + " | spec.tls.externalSecrets.secretStoreRef.name spec.tls.externalSecrets.secretStoreRef.kind",
    })
    void externalSecretsStore(String yaml, String fields) {
        List<Finding> fs = tls(ISSUER + yaml);
        assertThat(fs).extracting(Finding::field).containsExactlyInAnyOrderElementsOf(expected(fields));
        assertThat(fs).allSatisfy(f -> assertThat(f.rule()).isEqualTo("tls.external-secrets"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "refreshInterval: 1h\\n  data: [{secretKey: tls.crt, remoteRef: {key: neo4j/tls}}] | ''",
            "refreshInterval: \"0\"\\n  data: [{secretKey: tls.crt, remoteRef: {key: neo4j/tls}}] | ''",
            "refreshInterval: 1d\\n  data: [{secretKey: tls.crt, remoteRef: {key: k}}] | spec.tls.externalSecrets.refreshInterval",
            "refreshInterval: -1h\\n  data: [{secretKey: tls.crt, remoteRef: {key: k}}] | spec.tls.externalSecrets.refreshInterval",
            "data: [] | spec.tls.externalSecrets.data",
            "data: [{secretKey: a}] | spec.tls.externalSecrets.data[0].remoteRef",
            "data: [{remoteRef: {key: k}}] | spec.tls.externalSecrets.data[0].secretKey",
            "data: [{secretKey: a, remoteRef: {}}] | spec.tls.externalSecrets.data[0].remoteRef.key",
            "data: [{secretKey: a, remoteRef: {key: k}}, {secretKey: a, remoteRef: {key: l}}] | spec.tls.externalSecrets.data[1].secretKey",
    })
    void externalSecretsData(String yaml, String fields) {
        List<Finding> fs = tls(ISSUER + STORE + "  " + yaml.replace("\\n", "\n"));
        assertThat(fs).extracting(Finding::field).containsExactlyInAnyOrderElementsOf(expected(fields));
    }

    @Test
    void refreshIntervalInDaysGetsAHint() {
        Finding f = tls(ISSUER + STORE + "  refreshInterval: 1d\n  data: [{secretKey: a, remoteRef: {key: k}}]").get(0);
        assertThat(f.hint()).contains("24h");
    }

    @Test
    void disabledTlsIgnoresCertificateFieldsButNotTheCrdEkuRule() {
        assertThat(tls("mode: disabled\nduration: 90d\nrenewBefore: 1m\nusages: [bogus, server auth, client auth]"))
                .isEmpty();
        assertThat(at(tls("mode: disabled\nusages: [server auth]")))
                .containsExactly("tls.usage-missing-eku@spec.tls.usages");
    }
}
