package io.neo4jguard.core.rules.access;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.testkit.Resolvers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.rules.database.Fixtures.object;
import static io.neo4jguard.core.testkit.CheckRun.run;
import static io.neo4jguard.core.rules.database.Fixtures.secret;
import static org.assertj.core.api.Assertions.assertThat;

class UserChecksTest {
    @ParameterizedTest(name = "{0}/{1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "app-reader | app_reader    | -",
            "app-reader | \"\"          | -",
            "alice      | alice@ex.com  | -",
            "x          | 1bad          | user.name-invalid",
            "x          | System        | user.name-reserved",
            "system     | \"\"          | user.name-reserved",
            "x          | a b           | user.name-invalid",
    })
    void usernames(String metadataName, String username, String expected) {
        var user = object(Kinds.USER, metadataName, "clusterRef: graph\nusername: " + username
                + "\npasswordSecretRef: {name: s}");
        assertThat(ids(run(new UserNameCheck(), user)))
                .containsExactlyElementsOf(expected == null ? List.of() : List.of(expected));
    }

    @Test
    void usernameFallbackIsNamedInTheMessage() {
        Finding f = run(new UserNameCheck(), object(Kinds.USER, "9lives", "clusterRef: g")).get(0);
        assertThat(f.field()).isEqualTo("metadata.name");
        assertThat(f.message()).contains("metadata.name");
    }

    @Test
    void authProviders() {
        UserAuthCheck check = new UserAuthCheck();
        assertThat(ids(run(check, object(Kinds.USER, "u", "clusterRef: g")))).containsExactly("user.auth-required");
        assertThat(run(check, object(Kinds.USER, "u", "passwordSecretRef: {name: s}"))).isEmpty();
        assertThat(run(check, object(Kinds.USER, "u", "externalAuth: [{provider: oidc-okta, id: a@b.c}, "
                + "{provider: ldap1, id: \"uid=a,dc=x\"}]"))).isEmpty();
        assertThat(ids(run(check, object(Kinds.USER, "u", "externalAuth: [{provider: Native, id: a}, "
                + "{provider: \" \", id: b}, {provider: ldap1}, {provider: LDAP1, id: c}]")))).containsExactly(
                "user.external-auth-invalid", "user.external-auth-invalid", "user.external-auth-invalid",
                "user.external-auth-invalid");
    }

    @ParameterizedTest(name = "password of {0} bytes -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "0  | user.password-secret-invalid",
            "7  | user.password-short",
            "8  | -",
            "32 | -",
    })
    void passwordLength(int length, String expected) {
        var user = object(Kinds.USER, "u", "clusterRef: g\npasswordSecretRef: {name: creds}");
        var r = Resolvers.of(false, secret("creds", Map.of("password", "p".repeat(length))));
        List<Finding> f = run(new UserPasswordCheck(), user, r);
        assertThat(ids(f)).containsExactlyElementsOf(expected == null ? List.of() : List.of(expected));
        f.forEach(x -> assertThat(x.message()).doesNotContain("ppp"));
    }

    @Test
    void passwordSecretReference() {
        UserPasswordCheck check = new UserPasswordCheck();
        var user = object(Kinds.USER, "u", "clusterRef: g\npasswordSecretRef: {name: creds, key: pw}");
        // Missing Secret: never an error; a warning only when the lookup is authoritative.
        assertThat(run(check, user, Resolvers.of(false))).isEmpty();
        assertThat(run(check, user, Resolver.NONE)).isEmpty();
        assertThat(ids(run(check, user, Resolvers.of(true)))).containsExactly("user.password-secret-pending");
        // Present Secret without the key.
        var wrongKey = Resolvers.of(true, secret("creds", Map.of("password", "long-enough-pw")));
        List<Finding> f = run(check, user, wrongKey);
        assertThat(ids(f)).containsExactly("user.password-secret-invalid");
        assertThat(f.get(0).field()).isEqualTo("spec.passwordSecretRef.key");
        // Blank name.
        assertThat(ids(run(check, object(Kinds.USER, "u", "passwordSecretRef: {name: \"\"}"))))
                .containsExactly("user.password-secret-invalid");
    }

    @ParameterizedTest(name = "homeDatabase {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "sales       | -",
            "neo4j       | -",
            "\"\"        | -",
            "tenant_a    | user.home-database-invalid",
            "system      | user.home-database-invalid",
            "db          | user.home-database-invalid",
    })
    void homeDatabase(String home, String expected) {
        assertThat(ids(run(new UserHomeDatabaseCheck(), object(Kinds.USER, "u", "homeDatabase: " + home))))
                .containsExactlyElementsOf(expected == null ? List.of() : List.of(expected));
    }
}
