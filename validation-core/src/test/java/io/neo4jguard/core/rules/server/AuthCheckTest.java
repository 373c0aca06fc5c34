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

class AuthCheckTest {
    private static final String OKTA = "oidc:\n  okta:\n    wellKnownDiscoveryURI: https://dev-1.okta.com/.well-known/"
            + "openid-configuration\n    audience: 0oa1\n";
    private static final String LDAP = "ldap:\n  host: ldaps://ldap.example.com:636\n";
    private final AuthCheck check = new AuthCheck();

    private List<Finding> auth(String yaml) {
        return run(check, cluster("auth:\n" + Manifests.indent(yaml)));
    }

    private static List<String> expected(String rules) {
        return rules.isBlank() ? List.of() : Arrays.asList(rules.trim().split("\\s+"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "[native] | ''",
            "[oidc-okta, native] | ''",
            "[plugin-Neo4j-Kerberos, native] | ''",
            "[plugin-com.example.JwtAuthPlugin] | ''",
            "[Native] | auth.provider-unknown",
            "[oidc] | auth.provider-unknown",
            "[jwt] | auth.provider-unknown",
            "[kerberos] | auth.provider-unknown",
            "[saml] | auth.provider-unknown",
            "[custom] | auth.provider-unknown",
            "[plugin-] | auth.provider-unknown",
            "[oidc-] | auth.provider-unknown",
            "[oidc-1okta] | auth.provider-unknown",
            "['native,ldap'] | auth.provider-unknown",
            "[\"\"] | auth.provider-unknown",
            "[oidc-azure, oidc-okta] | auth.oidc-provider-undefined",
    })
    void providerNames(String list, String rules) {
        // The authorization list keeps the okta entry in use, so only the entry under test is reported.
        List<Finding> fs = auth("authenticationProviders: " + list + "\nauthorizationProviders: [oidc-okta, native]\n"
                + OKTA);
        assertThat(ids(fs)).containsExactlyInAnyOrderElementsOf(expected(rules));
        fs.forEach(f -> assertThat(f.field()).startsWith("spec.auth.authenticationProviders["));
    }

    @Test
    void unknownProvidersAreCheckedInTheAuthorizationListToo() {
        assertThat(at(auth("authorizationProviders: [native, jwt]"))).containsExactly(
                "auth.provider-unknown@spec.auth.authorizationProviders[1]");
    }

    @Test
    void hintsAndFixes() {
        Finding nativeCase = auth("authenticationProviders: [Native]").get(0);
        assertThat(nativeCase.hint()).contains("case-sensitive");
        assertThat(nativeCase.fix().get(0).value().textValue()).isEqualTo("native");
        assertThat(nativeCase.fix().get(0).path()).isEqualTo("/spec/auth/authenticationProviders/0");

        Finding bareOidc = auth("authenticationProviders: [oidc]\n" + OKTA).stream()
                .filter(f -> f.rule().equals("auth.provider-unknown")).findFirst().orElseThrow();
        assertThat(bareOidc.fix().get(0).value().textValue()).isEqualTo("oidc-okta");

        Finding jwt = auth("authenticationProviders: [jwt]").get(0);
        assertThat(jwt.message()).isEqualTo("Invalid value: \"jwt\": not an auth provider Neo4j knows: use native, "
                + "ldap, oidc-<name> or plugin-<name>");
        assertThat(jwt.hint()).contains("plugin-<name>").contains("oidc-<name>");
    }

    @Test
    void oidcProviderNeedsItsEntry() {
        List<Finding> fs = auth("authenticationProviders: [oidc-azure]");
        assertThat(at(fs)).containsExactly("auth.oidc-provider-undefined@spec.auth.authenticationProviders[0]");
        assertThat(fs.get(0).message()).startsWith("Not found: \"oidc-azure\"");
    }

    @Test
    void oidcProviderCaseMismatchGetsAFix() {
        Finding f = auth("authenticationProviders: [oidc-Okta, oidc-okta]\n" + OKTA).get(0);
        assertThat(f.rule()).isEqualTo("auth.oidc-provider-undefined");
        assertThat(f.fix().get(0).value().textValue()).isEqualTo("oidc-okta");
    }

    @Test
    void oidcProviderConfiguredThroughSpecConfigIsDefined() {
        List<Finding> fs = run(check, cluster("auth:\n  authenticationProviders: [oidc-azure]\nconfig:\n"
                + "  dbms.security.oidc.azure.audience: api://neo4j\n"));
        assertThat(fs).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{wellKnownDiscoveryURI: https://x/.well-known/openid-configuration, audience: a} | ''",
            "{wellKnownDiscoveryURI: https://x/.well-known/openid-configuration} | audience",
            "{audience: a} | issuer jwksURI authEndpoint tokenEndpoint",
            "{audience: a, authFlow: pkce, issuer: i, jwksURI: j, authEndpoint: e} | tokenEndpoint",
            "{audience: a, authFlow: implicit} | issuer jwksURI authEndpoint",
            "{audience: a, authFlow: implicit, issuer: i, jwksURI: j, authEndpoint: e} | ''",
            "{audience: a, issuer: i, jwksURI: j, authEndpoint: e, tokenEndpoint: t} | ''",
    })
    void oidcEntries(String entry, String missing) {
        List<Finding> fs = auth("authenticationProviders: [oidc-okta]\noidc:\n  okta: " + entry);
        assertThat(fs).extracting(f -> f.field().substring(f.field().lastIndexOf('.') + 1))
                .containsExactlyInAnyOrderElementsOf(expected(missing));
        fs.forEach(f -> assertThat(f.rule()).isIn("auth.oidc-audience-required", "auth.oidc-endpoints-required"));
    }

    @Test
    void oidcKeyGrammarAndUnusedEntries() {
        assertThat(at(auth("authenticationProviders: [native]\noidc:\n  my.okta: {audience: a, "
                + "wellKnownDiscoveryURI: u}")))
                .containsExactly("auth.oidc-name@spec.auth.oidc[my.okta]");
        assertThat(at(auth("authenticationProviders: [native]\n" + OKTA)))
                .containsExactly("auth.provider-unused@spec.auth.oidc.okta");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "authenticationProviders: [ldap, native]\\nldap: {host: ldaps://h:636} | ''",
            "authenticationProviders: [ldap] | auth.ldap-unconfigured@spec.auth.ldap",
            "authorizationProviders: [ldap] | auth.ldap-unconfigured@spec.auth.ldap",
            "authenticationProviders: [native]\\nldap: {host: h} | auth.provider-unused@spec.auth.ldap",
            "authenticationProviders: [ldap]\\nldap: {useStartTLS: true} | auth.ldap-host-required@spec.auth.ldap.host",
            "authenticationProviders: [ldap]\\nldap: {host: h, authorization: {useSystemAccount: true}} "
                    + "| auth.ldap-system-account@spec.auth.ldap.authorization.systemAccountSecretRef",
            "authenticationProviders: [ldap]\\nldap: {host: h, authorization: {useSystemAccount: true, "
                    + "systemAccountSecretRef: sa}} | ''",
            "authenticationProviders: [ldap]\\nldap: {host: h, authentication: {userDNTemplate: 'uid=x,dc=e'}} "
                    + "| auth.ldap-setting-invalid@spec.auth.ldap.authentication.userDNTemplate",
            "authenticationProviders: [ldap]\\nldap: {host: h, authentication: {userDNTemplate: '{0}@example.com'}} | ''",
            "authenticationProviders: [ldap]\\nldap: {host: h, authentication: {attribute: 'sam account'}} "
                    + "| auth.ldap-setting-invalid@spec.auth.ldap.authentication.attribute",
            "authenticationProviders: [ldap]\\nldap: {host: h, authentication: {attribute: samaccountname}} | ''",
            "authenticationProviders: [ldap]\\nldap: {host: h, authentication: {searchForAttribute: true}} "
                    + "| auth.ldap-search-needs-system-account@spec.auth.ldap.authentication.searchForAttribute",
    })
    void ldap(String yaml, String expected) {
        assertThat(at(auth(yaml.replace("\\n", "\n")))).containsExactlyInAnyOrderElementsOf(expected(expected));
    }

    @Test
    void ldapHostFromSpecConfigCounts() {
        assertThat(run(check, cluster("auth: {authenticationProviders: [ldap]}\nconfig:\n"
                + "  dbms.security.ldap.host: ldaps://h:636\n"))).isEmpty();
    }

    @Test
    void trustStoreNeedsAName() {
        assertThat(at(auth("trustStore: {key: ca.crt}")))
                .containsExactly("auth.trust-store-name@spec.auth.trustStore.name");
        assertThat(auth("trustStore: {name: corp-ca}")).isEmpty();
    }

    @Test
    void authExternalSecretsAreChecked() {
        assertThat(at(auth("externalSecrets: {enabled: true, secretStoreRef: {name: vault}}")))
                .containsExactly("auth.external-secrets@spec.auth.externalSecrets.data");
    }

    @Test
    void standaloneAuthIsChecked() {
        assertThat(ids(run(check, standalone("auth: {authenticationProviders: [kerberos]}"))))
                .containsExactly("auth.provider-unknown");
    }

    @Test
    void everyProblemAtOnce() {
        assertThat(ids(auth("authenticationProviders: [jwt, oidc-x, ldap]\ntrustStore: {}\noidc:\n"
                + "  bad.key: {}\nldap: {}"))).containsExactlyInAnyOrder("auth.provider-unknown",
                "auth.oidc-provider-undefined", "auth.oidc-name", "auth.oidc-audience-required",
                "auth.oidc-endpoints-required", "auth.oidc-endpoints-required", "auth.oidc-endpoints-required",
                "auth.oidc-endpoints-required", "auth.ldap-host-required", "auth.trust-store-name");
    }

    @ParameterizedTest(name = "authFlow {0}")
    @CsvSource({
            "pkce, ''",
            "implicit, ''",
            "PKCE, pkce",
            "code, -",
    })
    void oidcAuthFlow(String flow, String fix) {
        List<Finding> fs = auth("authenticationProviders: [oidc-okta]\n" + OKTA + "    authFlow: " + flow);
        if (fix.isEmpty()) {
            assertThat(fs).isEmpty();
            return;
        }
        assertThat(at(fs)).containsExactly("auth.oidc-auth-flow@spec.auth.oidc.okta.authFlow");
        if (fix.equals("-")) {
            assertThat(fs.get(0).fix()).isEmpty();
        } else {
            assertThat(fs.get(0).fix().get(0).value().textValue()).isEqualTo(fix);
            assertThat(fs.get(0).fix().get(0).path()).isEqualTo("/spec/auth/oidc/okta/authFlow");
        }
    }
}
