package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Resolver;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Engine;
import io.neo4jguard.core.policy.Policy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.neo4jguard.core.rules.server.ServerFixtures.cluster;
import static io.neo4jguard.core.rules.server.ServerFixtures.standalone;
import static org.assertj.core.api.Assertions.assertThat;

/** The server checks together, as the engine runs them: no fail-fast across concerns. */
class ServerChecksEngineTest {
    private final Engine engine = new Engine(ServerChecksProperties.CHECKS, Policy.defaults());

    @Test
    void anImageErrorDoesNotHideTopologyOrOtherErrors() {
        List<Finding> fs = engine.validate(cluster("""
                acceptLicenseAgreement: "Yes"
                image: {repo: neo4j, tag: "5.26.0"}
                topology: {servers: 1}
                storage: {size: 10g}
                tls: {mode: cert-manager, duration: 90d}
                auth: {authenticationProviders: [jwt]}
                """), null, Resolver.NONE);
        assertThat(fs).extracting(Finding::rule).contains("image.community-edition", "topology.min-servers",
                "license.accept-agreement", "storage.size-invalid", "tls.issuer-required", "tls.duration-format",
                "auth.provider-unknown");
        assertThat(fs).allMatch(f -> f.severity() == Severity.ERROR);
    }

    @Test
    void aGoodClusterAndStandalonePassCleanly() {
        String good = """
                acceptLicenseAgreement: "yes"
                image: {repo: neo4j, tag: 5.26.0-enterprise, pullPolicy: IfNotPresent}
                topology: {servers: 3}
                storage: {size: 100Gi, retentionPolicy: Retain}
                tls:
                  mode: cert-manager
                  issuerRef: {name: ca-cluster-issuer, kind: ClusterIssuer}
                  duration: 2160h
                  renewBefore: 360h
                  usages: [digital signature, key encipherment, server auth, client auth]
                auth:
                  adminSecret: neo4j-admin-secret
                  authenticationProviders: [oidc-okta, native]
                  authorizationProviders: [oidc-okta, native]
                  oidc:
                    okta:
                      wellKnownDiscoveryURI: https://dev-1.okta.com/.well-known/openid-configuration
                      audience: 0oa1example
                upgradeStrategy: {strategy: RollingUpgrade, upgradeTimeout: 30m, maxUnavailableDuringUpgrade: 1}
                """;
        assertThat(engine.validate(cluster(good), null, Resolver.NONE)).isEmpty();
        assertThat(engine.validate(standalone(good.replace("topology: {servers: 3}\n", "")), null, Resolver.NONE))
                .isEmpty();
    }

    @Test
    void updatesAreComparedWithTheOldObject() {
        List<Finding> fs = engine.validate(
                cluster("acceptLicenseAgreement: eval\nimage: {repo: neo4j, tag: 5.26.0-enterprise}\n"
                        + "topology: {servers: 3}\nstorage: {size: 50Gi, className: slow}"),
                cluster("acceptLicenseAgreement: eval\nimage: {repo: neo4j, tag: 2025.01.0-enterprise}\n"
                        + "topology: {servers: 5}\nstorage: {size: 100Gi, className: fast}"),
                Resolver.NONE);
        assertThat(fs).extracting(Finding::rule).containsExactlyInAnyOrder("update.version-downgrade",
                "update.storage-class-immutable", "update.storage-shrink");
    }
}
