package io.neo4jguard.reconciler.diagnostics;

import io.neo4jguard.core.server.ServerObjects;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the reconciler asks its clusters over Bolt, and where it finds them.
 *
 * <p>The address is a template, so that a reconciler outside the cluster (on a laptop, through
 * {@code kubectl port-forward svc/graph-client 7687}) can say {@code bolt://localhost:7687} instead of the
 * in-cluster Service name it cannot resolve. Placeholders:
 * <ul>
 *   <li>{@code {scheme}}: {@code bolt+s} when the resource's TLS covers Bolt ({@code spec.tls.mode: cert-manager},
 *       which makes our neo4j.conf require TLS on Bolt), else {@code bolt};</li>
 *   <li>{@code {service}}: the client Service, {@code <name>-client} (clusters and standalones alike);</li>
 *   <li>{@code {name}}, {@code {namespace}}: the resource's;</li>
 *   <li>{@code {clusterDomain}}: the reconciler's {@code --cluster-domain}.</li>
 * </ul>
 *
 * @param enabled  false: no Secret read, no Bolt connection, no ServersHealthy/DatabasesHealthy conditions
 * @param template the Bolt address, with placeholders
 * @param bounds   per-query time limits
 */
public record DiagnosticsOptions(boolean enabled, String template, DiagnosticsBounds bounds) {
    /** The client Service on Bolt's default port, in the resource's namespace. */
    public static final String DEFAULT_TEMPLATE = "{scheme}://{service}.{namespace}.svc.{clusterDomain}:7687";
    /**
     * Direct (non-routing) schemes only: a routing driver ({@code neo4j://}) would go on to the pod addresses the
     * servers advertise, which a reconciler outside the cluster cannot resolve, and one server answers both
     * questions for the whole cluster anyway. {@code bolt+ssc} (TLS without certificate checks) is accepted for a
     * cluster whose private CA the reconciler's JVM does not trust; it offers the admin password to whoever
     * answers, so it is the user's explicit choice, never our default.
     */
    static final Set<String> SCHEMES = Set.of("bolt", "bolt+s", "bolt+ssc");
    private static final Set<String> PLACEHOLDERS = Set.of("scheme", "service", "name", "namespace", "clusterDomain");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    public DiagnosticsOptions {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(bounds, "bounds");
        if (enabled) {
            check(template);
        }
    }

    public static DiagnosticsOptions off() {
        return new DiagnosticsOptions(false, DEFAULT_TEMPLATE, DiagnosticsBounds.DEFAULT);
    }

    public static DiagnosticsOptions on(String template) {
        return new DiagnosticsOptions(true, template, DiagnosticsBounds.DEFAULT);
    }

    public DiagnosticsOptions withBounds(DiagnosticsBounds b) {
        return new DiagnosticsOptions(enabled, template, b);
    }

    /** The Bolt address of a resource. */
    public URI address(String name, String namespace, String clusterDomain, boolean tls) {
        String service = ServerObjects.clientService(name);
        return URI.create(fill(template, Map.of("scheme", tls ? "bolt+s" : "bolt", "service", service, "name", name,
                "namespace", namespace, "clusterDomain", clusterDomain)));
    }

    /** Refuses a template with an unknown placeholder, no host, or a scheme other than {@link #SCHEMES}. */
    private static void check(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                throw new IllegalArgumentException("unknown placeholder {" + m.group(1) + "} in '" + template
                        + "'; known: {scheme}, {service}, {name}, {namespace}, {clusterDomain}");
            }
        }
        URI sample;
        try {
            sample = new URI(fill(template, Map.of("scheme", "bolt", "service", "graph-client", "name", "graph",
                    "namespace", "default", "clusterDomain", "cluster.local")));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URI: '" + template + "': " + e.getMessage());
        }
        if (sample.getScheme() == null || !(SCHEMES.contains(sample.getScheme()) || template.startsWith("{scheme}"))) {
            throw new IllegalArgumentException("the scheme of '" + template + "' must be {scheme}, bolt, bolt+s or "
                    + "bolt+ssc");
        }
        if (sample.getHost() == null) {
            throw new IllegalArgumentException("no host in '" + template + "', e.g. bolt://localhost:7687");
        }
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
