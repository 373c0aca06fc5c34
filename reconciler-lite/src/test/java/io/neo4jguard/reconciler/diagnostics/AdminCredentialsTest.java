package io.neo4jguard.reconciler.diagnostics;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminCredentialsTest {
    private static final String PASSWORD = "s3cure-Passw0rd-7f3a";

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static Secret secret(String username, String password) {
        SecretBuilder b = new SecretBuilder().withNewMetadata().withName("neo4j-admin-secret").endMetadata();
        if (username != null) {
            b.addToData(AdminCredentials.USERNAME_KEY, b64(username));
        }
        if (password != null) {
            b.addToData(AdminCredentials.PASSWORD_KEY, b64(password));
        }
        return b.build();
    }

    @Test
    void readsTheOperatorsKeysAndHidesThePassword() throws QueryFailure {
        AdminCredentials c = AdminCredentials.fromSecret(secret("admin", PASSWORD));

        assertThat(c.username()).isEqualTo("admin");
        assertThat(c.password()).isEqualTo(PASSWORD);
        assertThat(c.toString()).contains("admin").doesNotContain(PASSWORD);
        assertThat(c.redact("login " + PASSWORD + " failed; " + PASSWORD)).isEqualTo(
                "login <redacted> failed; <redacted>");
    }

    @Test
    void theUserIsNeo4jWhenTheSecretNamesNone() throws QueryFailure {
        assertThat(AdminCredentials.fromSecret(secret(null, PASSWORD)).username()).isEqualTo("neo4j");
        Secret plain = new SecretBuilder().withNewMetadata().withName("s").endMetadata()
                .addToStringData("password", PASSWORD).build();
        assertThat(AdminCredentials.fromSecret(plain).username()).isEqualTo("neo4j");
    }

    @Test
    void aSecretWithoutPasswordMeansMissingCredentials() {
        assertThatThrownBy(() -> AdminCredentials.fromSecret(secret("neo4j", null)))
                .isInstanceOfSatisfying(QueryFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(QueryFailure.Kind.CREDENTIALS_MISSING);
                    assertThat(f.getMessage()).isEqualTo("Secret neo4j-admin-secret has no key 'password'");
                });
        DiagnosticsSummary s = DiagnosticsSummary.failed(new QueryFailure(QueryFailure.Kind.CREDENTIALS_MISSING, "x"));
        assertThat(s.conditions()).extracting(DiagnosticCondition::reason)
                .containsExactly("CredentialsMissing", "CredentialsMissing");
    }

    @Test
    void theSecretNameComesFromTheSpecOrTheOperatorsDefault() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(AdminCredentials.secretName(json.readTree("{\"auth\":{\"adminSecret\":\"mine\"}}")))
                .isEqualTo("mine");
        assertThat(AdminCredentials.secretName(json.readTree("{\"auth\":{}}"))).isEqualTo("neo4j-admin-secret");
        assertThat(AdminCredentials.secretName(json.readTree("{}"))).isEqualTo("neo4j-admin-secret");
    }
}
