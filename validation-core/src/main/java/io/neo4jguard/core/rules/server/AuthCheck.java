package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code spec.auth} of clusters and standalones: provider lists, LDAP, OIDC and the trust store.
 *
 * <p>Provider names follow what Neo4j itself accepts in {@code dbms.security.authentication_providers} and
 * {@code dbms.security.authorization_providers} (Operations Manual, configuration settings; the same on
 * 5.26 and CalVer): the built-in {@code native} and {@code ldap}, {@code oidc-<name>} for an SSO provider
 * configured under {@code dbms.security.oidc.<name>.*}, and {@code plugin-<name>} for an auth plugin (the
 * Kerberos add-on and custom JWT plugins are plugins). The reference operator also accepts {@code oidc},
 * {@code jwt}, {@code kerberos}, {@code saml} and {@code custom}, which Neo4j does not know, and rejects
 * {@code plugin-<name>}, which it does; we follow Neo4j.
 */
public final class AuthCheck implements Check {
    static final String NATIVE = "native";
    static final String LDAP = "ldap";
    static final String OIDC_PREFIX = "oidc-";
    static final String PLUGIN_PREFIX = "plugin-";
    static final List<String> PROVIDER_LISTS = List.of("authenticationProviders", "authorizationProviders");
    /** Names the reference operator accepts but Neo4j does not. */
    static final Set<String> NOT_NEO4J = Set.of("oidc", "jwt", "kerberos", "saml", "custom");

    /** OIDC provider key: it becomes part of setting names dbms.security.oidc.<name>.* and of oidc-<name>. */
    static final Pattern OIDC_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9-]*");
    /** Neo4j's pattern for dbms.security.ldap.authentication.attribute (an LDAP attribute name). */
    static final Pattern LDAP_ATTRIBUTE = Pattern.compile("[A-Za-z0-9-]*");
    /** A plugin name: anything that does not split or break the comma-separated provider list. */
    static final Pattern PLUGIN_NAME = Pattern.compile("[^\\s,]+");
    static final List<String> AUTH_FLOWS = List.of("pkce", "implicit");

    public static final RuleMeta PROVIDER_UNKNOWN = rule("auth.provider-unknown",
            "Auth providers must be native, ldap, oidc-<name> or plugin-<name>", Severity.ERROR,
            "The lists become dbms.security.authentication_providers and authorization_providers. Neo4j knows "
                    + "native, ldap, oidc-<name> (an SSO provider configured under dbms.security.oidc.<name>) "
                    + "and plugin-<name> (auth plugins, e.g. the Kerberos add-on); names are case-sensitive. "
                    + "Anything else is not a provider Neo4j can load: logins through it fail or the server "
                    + "refuses the configuration. The reference operator accepts jwt, kerberos, saml, custom and "
                    + "a bare oidc, none of which Neo4j knows, and rejects plugin-<name>, which it does.",
            "Use native, ldap, oidc-<key of spec.auth.oidc> or plugin-<plugin name>.",
            "spec:\n  auth:\n    authenticationProviders: [oidc-okta, native]\n"
                    + "    authorizationProviders: [oidc-okta, native]");

    public static final RuleMeta OIDC_UNDEFINED = rule("auth.oidc-provider-undefined",
            "Every oidc-<name> provider needs its spec.auth.oidc entry", Severity.ERROR,
            "oidc-<name> refers to the SSO provider configured under dbms.security.oidc.<name>.*, which the "
                    + "operator writes from spec.auth.oidc.<name>. Without that entry (or the settings in "
                    + "spec.config) Neo4j has no discovery URI, audience or keys for it and every SSO login fails.",
            "Add spec.auth.oidc.<name> with wellKnownDiscoveryURI and audience, or fix the provider name.",
            "spec:\n  auth:\n    authenticationProviders: [oidc-okta, native]\n    oidc:\n      okta:\n"
                    + "        wellKnownDiscoveryURI: https://dev-1.okta.com/.well-known/openid-configuration\n"
                    + "        audience: 0oa1example");

    public static final RuleMeta PROVIDER_UNUSED = rule("auth.provider-unused",
            "A configured OIDC or LDAP provider is in no provider list", Severity.WARNING,
            "spec.auth.oidc.<name> or spec.auth.ldap is written into neo4j.conf, but Neo4j consults only the "
                    + "providers named in the authentication and authorization lists: a provider missing there is "
                    + "dead configuration, usually a forgotten list entry.",
            "Add oidc-<name> (or ldap) to authenticationProviders and authorizationProviders, or remove the block.",
            "spec:\n  auth:\n    authenticationProviders: [ldap, native]\n    authorizationProviders: [ldap, native]");

    public static final RuleMeta OIDC_NAME_RULE = rule("auth.oidc-name",
            "OIDC provider keys must be a letter followed by letters, digits or '-'", Severity.ERROR,
            "The key of spec.auth.oidc becomes part of the setting names dbms.security.oidc.<name>.* and of the "
                    + "provider name oidc-<name>; dots, spaces or other characters break the setting names.",
            "Use a key such as okta or azure-ad.",
            "spec:\n  auth:\n    oidc:\n      azure-ad:\n        audience: api://neo4j");

    public static final RuleMeta OIDC_AUDIENCE = rule("auth.oidc-audience-required",
            "OIDC providers need an audience", Severity.ERROR,
            "Neo4j validates the aud claim of every token against dbms.security.oidc.<name>.audience; without it "
                    + "no token is accepted. The CRD requires the field.",
            "Set audience to the client ID Neo4j is registered with at the identity provider.",
            "spec:\n  auth:\n    oidc:\n      okta:\n        audience: 0oa1example");

    public static final RuleMeta OIDC_ENDPOINTS = rule("auth.oidc-endpoints-required",
            "OIDC providers need a discovery URI or explicit endpoints", Severity.ERROR,
            "Neo4j fetches an OIDC provider's settings from well_known_discovery_uri. Without it, issuer, "
                    + "jwks_uri and auth_endpoint must be given, and token_endpoint too for the pkce flow (the "
                    + "default), as the Neo4j settings reference says; otherwise tokens cannot be verified or "
                    + "obtained. The reference operator accepts any one of them.",
            "Set wellKnownDiscoveryURI, or issuer, jwksURI, authEndpoint and (for pkce) tokenEndpoint.",
            "spec:\n  auth:\n    oidc:\n      okta:\n"
                    + "        wellKnownDiscoveryURI: https://dev-1.okta.com/.well-known/openid-configuration\n"
                    + "        audience: 0oa1example");

    public static final RuleMeta OIDC_AUTH_FLOW = rule("auth.oidc-auth-flow",
            "OIDC authFlow must be pkce or implicit", Severity.ERROR,
            "authFlow becomes dbms.security.oidc.<name>.auth_flow, which Neo4j accepts as pkce (recommended) or "
                    + "implicit; the CRD enum is the same. Any other value stops Neo4j from starting.",
            "Use pkce, or leave authFlow out (pkce is the default).",
            "spec:\n  auth:\n    oidc:\n      okta:\n        authFlow: pkce");

    public static final RuleMeta LDAP_HOST = rule("auth.ldap-host-required", "LDAP needs a host", Severity.ERROR,
            "spec.auth.ldap.host becomes dbms.security.ldap.host; without it Neo4j would contact localhost and "
                    + "every LDAP login fails. The CRD requires the field.",
            "Set host to the LDAP URL, e.g. ldaps://ldap.example.com:636.",
            "spec:\n  auth:\n    ldap:\n      host: ldaps://ldap.example.com:636");

    public static final RuleMeta LDAP_SYSTEM_ACCOUNT = rule("auth.ldap-system-account",
            "useSystemAccount needs systemAccountSecretRef", Severity.ERROR,
            "With authorization.useSystemAccount Neo4j searches LDAP groups with a system account whose DN and "
                    + "password the operator injects from systemAccountSecretRef. Without the Secret there are no "
                    + "credentials and every authorization lookup fails.",
            "Set authorization.systemAccountSecretRef to a Secret with keys username (the DN) and password.",
            "spec:\n  auth:\n    ldap:\n      authorization:\n        useSystemAccount: true\n"
                    + "        systemAccountSecretRef: ldap-system-account");

    public static final RuleMeta LDAP_SETTING = rule("auth.ldap-setting-invalid",
            "LDAP settings Neo4j refuses at startup", Severity.ERROR,
            "Neo4j validates its settings strictly at startup: user_dn_template must contain the {0} placeholder "
                    + "for the login name, and authentication.attribute must be an LDAP attribute name "
                    + "([A-Za-z0-9-]*). A wrong value stops the server from starting.",
            "Put {0} where the user name goes (uid={0},ou=users,dc=example,dc=com or {0}@example.com); use a "
                    + "plain attribute name such as samaccountname.",
            "spec:\n  auth:\n    ldap:\n      authentication:\n        userDNTemplate: \"uid={0},ou=users,dc=example,dc=com\"");

    public static final RuleMeta LDAP_SEARCH_ACCOUNT = rule("auth.ldap-search-needs-system-account",
            "searchForAttribute needs the LDAP system account", Severity.WARNING,
            "dbms.security.ldap.authentication.search_for_attribute looks the user up before binding, which Neo4j "
                    + "does with the system account (system_username and system_password). Without "
                    + "authorization.systemAccountSecretRef those are unset and user lookups fail.",
            "Set authorization.systemAccountSecretRef (and useSystemAccount), or use userDNTemplate instead.",
            "spec:\n  auth:\n    ldap:\n      authentication:\n        searchForAttribute: true\n"
                    + "      authorization:\n        useSystemAccount: true\n        systemAccountSecretRef: ldap-system-account");

    public static final RuleMeta LDAP_UNCONFIGURED = rule("auth.ldap-unconfigured",
            "The ldap provider is listed but LDAP is not configured", Severity.WARNING,
            "ldap is in a provider list but there is no spec.auth.ldap block and no dbms.security.ldap.host in "
                    + "spec.config, so Neo4j uses its default LDAP host (localhost) and LDAP logins fail.",
            "Add spec.auth.ldap with the host, or remove ldap from the provider lists.",
            "spec:\n  auth:\n    authenticationProviders: [ldap, native]\n    ldap:\n"
                    + "      host: ldaps://ldap.example.com:636");

    public static final RuleMeta TRUST_STORE = rule("auth.trust-store-name", "trustStore needs a Secret name",
            Severity.ERROR,
            "spec.auth.trustStore names the Secret holding the CA certificate that LDAPS or OIDC endpoints are "
                    + "verified with; the operator mounts it into an init container. Without a name there is "
                    + "nothing to mount and the pods do not start.",
            "Set trustStore.name to the Secret with the CA certificate (key ca.crt by default), or move to "
                    + "spec.trustedCASecrets.",
            "spec:\n  auth:\n    trustStore:\n      name: corp-ca");

    public static final RuleMeta EXTERNAL_SECRETS = rule("auth.external-secrets",
            "An enabled auth.externalSecrets needs a store and data", Severity.ERROR,
            "With auth.externalSecrets.enabled the operator creates an External Secrets Operator ExternalSecret "
                    + "for the credentials. ESO requires a secretStoreRef with a name (kind SecretStore or "
                    + "ClusterSecretStore), a Go-duration refreshInterval and at least one data entry with a "
                    + "secretKey and a remoteRef.key; otherwise the credentials Secret never appears.",
            "Fill in secretStoreRef.name and at least one data entry.",
            "spec:\n  auth:\n    externalSecrets:\n      enabled: true\n      secretStoreRef:\n        name: vault\n"
                    + "      data:\n        - secretKey: password\n          remoteRef:\n            key: neo4j/admin");

    private static RuleMeta rule(String id, String title, Severity s, String why, String fix, String example) {
        return new RuleMeta(id, title, s, ServerSpecs.BOTH, why, fix, example);
    }

    @Override
    public List<RuleMeta> rules() {
        return List.of(PROVIDER_UNKNOWN, OIDC_UNDEFINED, PROVIDER_UNUSED, OIDC_NAME_RULE, OIDC_AUDIENCE,
                OIDC_ENDPOINTS, OIDC_AUTH_FLOW, LDAP_HOST, LDAP_SYSTEM_ACCOUNT, LDAP_SETTING, LDAP_SEARCH_ACCOUNT,
                LDAP_UNCONFIGURED, TRUST_STORE, EXTERNAL_SECRETS);
    }

    @Override
    public void check(RuleContext ctx) {
        Node auth = ctx.spec().get("auth");
        if (!auth.isObject()) {
            return; // no auth block: native authentication and authorization
        }
        Set<String> configKeys = ctx.spec().get("config").fields().keySet();
        Map<String, Node> oidc = auth.get("oidc").fields();
        Set<String> used = checkProviders(ctx, auth, oidc, configKeys);
        checkOidc(ctx, oidc, used);
        checkLdap(ctx, auth, used, configKeys);
        Node trustStore = auth.get("trustStore");
        if (trustStore.isObject() && ServerSpecs.blank(trustStore.get("name"))) {
            ctx.report(TRUST_STORE, trustStore.get("name").path(), Messages.required("the Secret with the CA "
                    + "certificate"), "or list the Secret under spec.trustedCASecrets instead");
        }
        ExternalSecretsSpec.check(ctx, auth.get("externalSecrets"), EXTERNAL_SECRETS);
    }

    /** Checks both provider lists; returns the valid provider names they use. */
    private Set<String> checkProviders(RuleContext ctx, Node auth, Map<String, Node> oidc, Set<String> configKeys) {
        Set<String> used = new LinkedHashSet<>();
        for (String list : PROVIDER_LISTS) {
            List<Node> items = auth.get(list).items();
            for (int i = 0; i < items.size(); i++) {
                Node item = items.get(i);
                Optional<String> text = item.text();
                if (text.isEmpty()) {
                    continue;
                }
                String p = text.get();
                String pointer = ServerSpecs.pointer("spec", "auth", list, i);
                if (p.equals(NATIVE) || p.equals(LDAP)) {
                    used.add(p);
                } else if (p.startsWith(OIDC_PREFIX)
                        && OIDC_NAME.matcher(p.substring(OIDC_PREFIX.length())).matches()) {
                    used.add(p);
                    String name = p.substring(OIDC_PREFIX.length());
                    if (!oidc.containsKey(name) && !configuredInConfig(name, configKeys)) {
                        Optional<String> other = oidc.keySet().stream().filter(k -> k.equalsIgnoreCase(name))
                                .findFirst();
                        ctx.report(OIDC_UNDEFINED, item.path(), Messages.notFound(p, "no spec.auth.oidc." + name
                                        + " entry configures this provider"),
                                other.map(o -> "provider keys are case-sensitive: write oidc-" + o).orElse(
                                        "add spec.auth.oidc." + name + " with wellKnownDiscoveryURI and audience"),
                                other.map(o -> ServerSpecs.replaceText(pointer, OIDC_PREFIX + o)).orElse(List.of()));
                    }
                } else if (p.startsWith(PLUGIN_PREFIX) && PLUGIN_NAME.matcher(p.substring(PLUGIN_PREFIX.length()))
                        .matches()) {
                    used.add(p);
                } else {
                    reportUnknown(ctx, item, p, pointer, oidc);
                }
            }
        }
        return used;
    }

    private void reportUnknown(RuleContext ctx, Node item, String p, String pointer, Map<String, Node> oidc) {
        String message = Messages.invalid(p, "not an auth provider Neo4j knows: use native, ldap, oidc-<name> "
                + "or plugin-<name>");
        String lower = p.trim().toLowerCase(Locale.ROOT);
        if (lower.equals(NATIVE) || lower.equals(LDAP)) {
            ctx.report(PROVIDER_UNKNOWN, item.path(), message, "provider names are case-sensitive: " + lower,
                    ServerSpecs.replaceText(pointer, lower));
        } else if (lower.equals("oidc")) {
            List<String> keys = new ArrayList<>(oidc.keySet());
            if (keys.size() == 1) {
                ctx.report(PROVIDER_UNKNOWN, item.path(), message, "an SSO provider is named oidc-<key of "
                                + "spec.auth.oidc>: write oidc-" + keys.get(0),
                        ServerSpecs.replaceText(pointer, OIDC_PREFIX + keys.get(0)));
            } else {
                ctx.report(PROVIDER_UNKNOWN, item.path(), message, "an SSO provider is named oidc-<key of "
                        + "spec.auth.oidc>, e.g. oidc-okta");
            }
        } else if (NOT_NEO4J.contains(lower)) {
            ctx.report(PROVIDER_UNKNOWN, item.path(), message, lower + " is no Neo4j provider: identity "
                    + "providers that issue JWTs are configured as oidc-<name>; add-ons such as Kerberos load as "
                    + "plugin-<name>");
        } else if (p.startsWith(OIDC_PREFIX)) {
            ctx.report(PROVIDER_UNKNOWN, item.path(), message, "the name after oidc- must start with a letter "
                    + "and contain only letters, digits and '-'");
        } else if (p.startsWith(PLUGIN_PREFIX)) {
            ctx.report(PROVIDER_UNKNOWN, item.path(), message, "the plugin name after plugin- must not be empty "
                    + "or contain spaces or commas");
        } else {
            ctx.report(PROVIDER_UNKNOWN, item.path(), message, "use native, ldap, oidc-<name> or plugin-<name>");
        }
    }

    private static boolean configuredInConfig(String name, Set<String> configKeys) {
        String prefix = "dbms.security.oidc." + name + ".";
        return configKeys.stream().anyMatch(k -> k.startsWith(prefix));
    }

    private void checkOidc(RuleContext ctx, Map<String, Node> oidc, Set<String> used) {
        for (Map.Entry<String, Node> e : oidc.entrySet()) {
            String name = e.getKey();
            Node provider = e.getValue();
            if (!OIDC_NAME.matcher(name).matches()) {
                ctx.report(OIDC_NAME_RULE, provider.path(), Messages.invalid(name, "an OIDC provider key must start "
                        + "with a letter and contain only letters, digits and '-': it becomes part of the "
                        + "settings dbms.security.oidc.<name>.*"));
            } else if (!used.contains(OIDC_PREFIX + name)) {
                ctx.report(PROVIDER_UNUSED, provider.path(), Messages.invalid(name, "configured but oidc-" + name
                                + " is in neither authenticationProviders nor authorizationProviders, so Neo4j "
                                + "never uses it"),
                        "add oidc-" + name + " to the provider lists, or remove the entry");
            }
            if (!provider.isObject()) {
                continue;
            }
            if (ServerSpecs.blank(provider.get("audience"))) {
                ctx.report(OIDC_AUDIENCE, provider.get("audience").path(), Messages.required("the expected aud "
                        + "claim, usually the client ID Neo4j is registered with"));
            }
            Node flowNode = provider.get("authFlow");
            String flow = flowNode.text().filter(s -> !s.isEmpty()).orElse("pkce");
            if (!AUTH_FLOWS.contains(flow)) {
                Optional<String> canonical = ServerSpecs.canonical(flow, AUTH_FLOWS);
                ctx.report(OIDC_AUTH_FLOW, flowNode.path(), Messages.notSupported(flow, AUTH_FLOWS),
                        canonical.map(c -> "write " + c).orElse("use pkce"),
                        canonical.map(c -> ServerSpecs.replaceText(ServerSpecs.pointer("spec", "auth", "oidc", name,
                                "authFlow"), c)).orElse(List.of()));
            }
            if (ServerSpecs.blank(provider.get("wellKnownDiscoveryURI"))) {
                List<String> needed = new ArrayList<>(List.of("issuer", "jwksURI", "authEndpoint"));
                if (flow.equals("pkce")) {
                    needed.add("tokenEndpoint");
                }
                for (String field : needed) {
                    Node n = provider.get(field);
                    if (ServerSpecs.blank(n)) {
                        ctx.report(OIDC_ENDPOINTS, n.path(), Messages.required("without wellKnownDiscoveryURI, "
                                        + "Neo4j needs issuer, jwksURI, authEndpoint"
                                        + (flow.equals("pkce") ? " and, for the pkce flow, tokenEndpoint" : "")),
                                "or set wellKnownDiscoveryURI and let Neo4j discover them");
                    }
                }
            }
        }
    }

    private void checkLdap(RuleContext ctx, Node auth, Set<String> used, Set<String> configKeys) {
        Node ldap = auth.get("ldap");
        if (!ldap.isObject()) {
            if (used.contains(LDAP) && !configKeys.contains("dbms.security.ldap.host")) {
                ctx.report(LDAP_UNCONFIGURED, ldap.path(), Messages.required("ldap is a listed provider but LDAP "
                                + "is not configured; Neo4j would contact its default host, localhost"),
                        "add spec.auth.ldap.host, or remove ldap from the provider lists");
            }
            return;
        }
        if (!used.contains(LDAP)) {
            ctx.report(PROVIDER_UNUSED, ldap.path(), Messages.invalid(LDAP, "configured in spec.auth.ldap but in "
                            + "neither authenticationProviders nor authorizationProviders, so Neo4j never uses it"),
                    "add ldap to the provider lists, or remove the block");
        }
        if (ServerSpecs.blank(ldap.get("host"))) {
            ctx.report(LDAP_HOST, ldap.get("host").path(), Messages.required("the LDAP server URL, e.g. "
                    + "ldaps://ldap.example.com:636"));
        }
        Node authn = ldap.get("authentication");
        Node authz = ldap.get("authorization");
        boolean hasSystemAccount = !ServerSpecs.blank(authz.get("systemAccountSecretRef"));
        if (authz.get("useSystemAccount").isTrue() && !hasSystemAccount) {
            ctx.report(LDAP_SYSTEM_ACCOUNT, authz.get("systemAccountSecretRef").path(),
                    Messages.required("useSystemAccount is true: the Secret with the system account's username "
                            + "(DN) and password"));
        }
        Node template = authn.get("userDNTemplate");
        template.text().filter(s -> !s.isBlank() && !s.contains("{0}")).ifPresent(t ->
                ctx.report(LDAP_SETTING, template.path(), Messages.invalid(t, "must contain {0}, the placeholder "
                                + "for the login name; Neo4j refuses to start otherwise"),
                        "e.g. uid={0},ou=users,dc=example,dc=com or {0}@example.com"));
        Node attribute = authn.get("attribute");
        attribute.text().filter(s -> !LDAP_ATTRIBUTE.matcher(s).matches()).ifPresent(a ->
                ctx.report(LDAP_SETTING, attribute.path(), Messages.invalid(a, "must be an LDAP attribute name: "
                        + "letters, digits and '-'; Neo4j refuses to start otherwise"), "e.g. samaccountname"));
        if (authn.get("searchForAttribute").isTrue() && !hasSystemAccount) {
            ctx.report(LDAP_SEARCH_ACCOUNT, authn.get("searchForAttribute").path(), Messages.invalid(
                            authn.get("searchForAttribute").json(), "searching for the user needs the LDAP system "
                                    + "account, but authorization.systemAccountSecretRef is not set"),
                    "set authorization.useSystemAccount and systemAccountSecretRef, or use userDNTemplate");
        }
    }
}
