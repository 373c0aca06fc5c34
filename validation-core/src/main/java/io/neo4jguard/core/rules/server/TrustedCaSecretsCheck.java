package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code spec.trustedCASecrets}: Secrets whose CA certificate the operator imports into Neo4j's JVM
 * truststore, one keytool alias per Secret name.
 */
public final class TrustedCaSecretsCheck implements Check {

    public static final RuleMeta NAME = new RuleMeta("trusted-ca.name",
            "A trusted CA Secret without a valid name", Severity.ERROR, Kinds.SERVERS,
            "Each entry names a Secret in the object's namespace. Without a name, or with one that no Secret can "
                    + "have (Secret names are DNS-1123 subdomains: lower-case letters, digits, '-' and '.', at most 253 "
                    + "characters), the truststore init container cannot mount it and the pod never starts.",
            "Give the name of the Secret that holds the CA certificate (key ca.crt by default).",
            "spec:\n  trustedCASecrets:\n    - name: corporate-ca");

    public static final RuleMeta DUPLICATE = new RuleMeta("trusted-ca.duplicate",
            "A trusted CA Secret listed twice", Severity.ERROR, Kinds.SERVERS,
            "The Secret name doubles as the keytool alias in the truststore; importing a second certificate under an "
                    + "existing alias fails (keytool: 'Certificate not imported, alias already exists'), so the init "
                    + "container fails and the pod never starts.",
            "List each Secret once; put several CA certificates in different Secrets.",
            "spec:\n  trustedCASecrets:\n    - name: corporate-ca\n    - name: partner-ca");

    /** Kubernetes object names ({@code IsDNS1123Subdomain}). */
    static final Pattern DNS_SUBDOMAIN = Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    static final int DNS_SUBDOMAIN_MAX = 253;

    private static final List<RuleMeta> RULES = List.of(NAME, DUPLICATE);

    @Override
    public List<RuleMeta> rules() {
        return RULES;
    }

    private static final NamedList SECRETS = new NamedList(NAME, DUPLICATE, DNS_SUBDOMAIN, DNS_SUBDOMAIN_MAX, true,
            "the name of a Secret holding a CA certificate",
            "not a Secret name: lower-case letters, digits, '-' and '.', starting and ending with a letter or digit",
            "already listed at %s; the name is the truststore alias and must be unique");

    @Override
    public void check(RuleContext ctx) {
        SECRETS.check(ctx, ctx.spec().get("trustedCASecrets"), (n, name) -> { });
    }
}
