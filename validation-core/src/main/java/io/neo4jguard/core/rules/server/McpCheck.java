package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.tree.Node;
import io.neo4jguard.core.engine.RuleContext;

import java.util.List;
import java.util.OptionalLong;

/**
 * {@code spec.mcp}, the Neo4j MCP server the operator deploys beside a cluster or standalone: every check of the
 * operator's MCP types (CRD enums, required keys) and of its MCP validator, which runs only when MCP is enabled.
 */
public final class McpCheck implements Check {
    static final List<String> TRANSPORTS = List.of("http", "stdio");
    /** TCP ports are 1..65535; 0 is Go's zero value, which the operator reads as "not set" (its default port). */
    static final long MAX_PORT = 65535;

    public static final RuleMeta TRANSPORT = new RuleMeta("mcp.transport",
            "mcp.transport must be http or stdio", Severity.ERROR, ServerSpecs.BOTH,
            "The MCP server speaks HTTP (a Service other pods call) or stdio (a sidecar-style process); the CRD enum "
                    + "and the operator's MCP validator refuse anything else, so the object is refused or never "
                    + "reconciled.",
            "Use transport: http (the default) or stdio.",
            "spec:\n  mcp:\n    enabled: true\n    transport: http");

    public static final RuleMeta PORT = new RuleMeta("mcp.port",
            "MCP ports must be between 1 and 65535", Severity.ERROR, ServerSpecs.BOTH,
            "mcp.http.port is the MCP container's port and mcp.http.service.port the Service's; a TCP port is "
                    + "1..65535, and the operator's MCP validator refuses values outside 0..65535 (0 is Go's zero "
                    + "value: not set, the operator's default port is used, so it only warns here).",
            "Use a port such as 8080, or leave it out for the default.",
            "spec:\n  mcp:\n    enabled: true\n    http:\n      port: 8080");

    public static final RuleMeta PORT_ZERO = new RuleMeta("mcp.port-zero",
            "An MCP port of 0 means the default port", Severity.WARNING, ServerSpecs.BOTH,
            "The operator's MCP types treat 0 as 'not set' (Go's zero value, omitempty) and use the default port, so "
                    + "port: 0 does not open port 0 and does not fail either: whatever was meant, it is not what runs.",
            "Remove the port to use the default, or set the port you mean.",
            "spec:\n  mcp:\n    enabled: true\n    http:\n      port: 8080");

    public static final RuleMeta SECRET_REQUIRED = new RuleMeta("mcp.secret-required",
            "MCP TLS and auth need a Secret name", Severity.ERROR, ServerSpecs.BOTH,
            "mcp.http.tls serves HTTPS with the certificate in the named Secret and mcp.auth gives the MCP server the "
                    + "Neo4j credentials from the named Secret; without secretName there is nothing to mount. The CRD "
                    + "requires tls.secretName and the operator's MCP validator requires both.",
            "Set secretName to an existing Secret (tls.crt/tls.key for TLS, username/password keys for auth).",
            "spec:\n  mcp:\n    enabled: true\n    auth:\n      secretName: mcp-neo4j-credentials");

    private static final List<RuleMeta> RULES = List.of(TRANSPORT, PORT, PORT_ZERO, SECRET_REQUIRED);

    @Override
    public List<RuleMeta> rules() {
        return RULES;
    }

    @Override
    public void check(RuleContext ctx) {
        Node mcp = ctx.spec().get("mcp");
        if (!mcp.isObject() || !mcp.get("enabled").isTrue()) {
            return; // the operator validates MCP only when it is enabled
        }
        Node transport = mcp.get("transport");
        String t = transport.text().orElse("http");
        if (transport.present() && !TRANSPORTS.contains(t)) {
            ctx.report(TRANSPORT, transport.path(), Messages.notSupported(transport.textOr(""), TRANSPORTS));
        }
        Node http = mcp.get("http");
        if (t.equals("http") && http.isObject()) {
            port(ctx, http.get("port"));
            port(ctx, http.get("service", "port"));
            Node tls = http.get("tls");
            if (tls.present() && ServerSpecs.blank(tls.get("secretName"))) {
                ctx.report(SECRET_REQUIRED, tls.get("secretName").path(), Messages.required("the Secret with the MCP "
                        + "server's certificate (tls.crt, tls.key)"));
            }
        }
        Node auth = mcp.get("auth");
        if (auth.present() && ServerSpecs.blank(auth.get("secretName"))) {
            ctx.report(SECRET_REQUIRED, auth.get("secretName").path(), Messages.required("the Secret with the Neo4j "
                    + "credentials of the MCP server"));
        }
    }

    private static void port(RuleContext ctx, Node port) {
        OptionalLong p = port.integer();
        if (p.isEmpty()) {
            return; // absent, or not an integer (the schema check reports the type)
        }
        long v = p.getAsLong();
        if (v < 0 || v > MAX_PORT) {
            ctx.report(PORT, port.path(), Messages.invalid(port.json(), "must be between 1 and 65535"),
                    "e.g. 8080");
        } else if (v == 0) {
            ctx.report(PORT_ZERO, port.path(), Messages.invalid(port.json(), "0 means not set: the operator uses "
                    + "its default port"), "remove it or set the port you mean");
        }
    }
}
