package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.testkit.Resolvers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static io.neo4jguard.core.rules.server.ServerFixtures.at;
import static io.neo4jguard.core.rules.server.ServerFixtures.cluster;
import static io.neo4jguard.core.testkit.Manifests.one;
import static io.neo4jguard.core.testkit.CheckRun.run;
import static io.neo4jguard.core.rules.server.ServerFixtures.standalone;
import static org.assertj.core.api.Assertions.assertThat;

class AdminPasswordCheckTest {
    private final AdminPasswordCheck check = new AdminPasswordCheck();

    private static Resource secret(String name, String dataOrStringData, String password) {
        String value = dataOrStringData.equals("data")
                ? Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8)) : password;
        return one("apiVersion: v1\nkind: Secret\nmetadata: {name: " + name + ", namespace: ns}\n"
                + dataOrStringData + ":\n  username: bmVvNGo=\n  password: \"" + value.replace("\"", "\\\"")
                + "\"\n");
    }

    private List<Finding> withSecret(Resource server, Resource secret) {
        return run(check, server, null, Resolvers.of(true, secret));
    }

    @ParameterizedTest(name = "[{0}] {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "stringData | s3cure-Passw0rd | ''",
            "data | s3cure-Passw0rd | ''",
            "stringData | -s3curePassw0rd | auth.admin-password-dash",
            "data | '  -s3curePassw0rd' | auth.admin-password-dash",
            "data | '\t--force-it-1' | auth.admin-password-dash",
            "stringData | 12345678 | ''",
            "stringData | 1234567 | auth.admin-password-too-short",
            "data | '-short' | auth.admin-password-dash auth.admin-password-too-short",
            "data | пароль-日本 | ''",
    })
    void passwords(String field, String password, String rules) {
        List<Finding> fs = withSecret(cluster("auth: {adminSecret: neo4j-admin-secret}"),
                secret("neo4j-admin-secret", field, password));
        assertThat(fs).extracting(Finding::rule).containsExactlyInAnyOrderElementsOf(
                rules.isBlank() ? List.of() : List.of(rules.split(" ")));
        for (Finding f : fs) {
            assertThat(f.field()).isEqualTo("spec.auth.adminSecret");
            assertThat(f.message()).startsWith("Invalid value: \"<redacted>\"").doesNotContain(password.strip());
        }
    }

    @Test
    void defaultSecretNameIsUsedWhenUnset() {
        assertThat(at(withSecret(standalone("image: {repo: neo4j}"), secret("neo4j-admin-secret", "stringData",
                "-dashing-password")))).containsExactly("auth.admin-password-dash@spec.auth.adminSecret");
    }

    @Test
    void namedSecretIsTheOneRead() {
        Resource dash = secret("custom", "stringData", "-dashing-password");
        assertThat(withSecret(cluster("auth: {adminSecret: custom}"), dash)).hasSize(1);
        assertThat(withSecret(cluster("auth: {adminSecret: other}"), dash)).isEmpty();
    }

    @Test
    void missingSecretOrKeyIsNeverAnError() {
        assertThat(run(check, cluster("auth: {adminSecret: s}"), null, Resolvers.of(true))).isEmpty();
        assertThat(run(check, cluster("auth: {adminSecret: s}"), null, Resolver.NONE)).isEmpty();
        Resource noPassword = one("apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: ns}\n"
                + "data: {username: bmVvNGo=}\n");
        assertThat(withSecret(cluster("auth: {adminSecret: s}"), noPassword)).isEmpty();
        Resource notBase64 = one("apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: ns}\n"
                + "data: {password: '***not base64***'}\n");
        assertThat(withSecret(cluster("auth: {adminSecret: s}"), notBase64)).isEmpty();
    }

    @Test
    void stringDataWinsOverData() {
        Resource both = one("apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: ns}\n"
                + "data: {password: " + Base64.getEncoder().encodeToString("-bad-password".getBytes()) + "}\n"
                + "stringData: {password: good-password}\n");
        assertThat(withSecret(cluster("auth: {adminSecret: s}"), both)).isEmpty();
    }

    @Test
    void minimumLengthFollowsSpecConfig() {
        Resource shortPw = secret("s", "stringData", "abcd");
        assertThat(withSecret(cluster("auth: {adminSecret: s}\nconfig:\n  dbms.security.auth_minimum_password_length: "
                + "\"4\""), shortPw)).isEmpty();
        assertThat(withSecret(cluster("auth: {adminSecret: s}\nconfig:\n  dbms.security.auth_minimum_password_length: "
                + "\"5\""), shortPw)).extracting(Finding::message).singleElement().asString().contains("fewer than 5");
    }
}
