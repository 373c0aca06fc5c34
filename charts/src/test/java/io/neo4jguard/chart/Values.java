package io.neo4jguard.chart;

import java.util.List;

/** The value sets every chart test covers: each certificate mode, with the reconciler off and on. */
record Values(String name, List<String> sets) {
    /** A stand-in CA bundle for the secret mode (base64 of a PEM header is enough for rendering). */
    static final String CA_BUNDLE = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==";

    static List<Values> modes() {
        return List.of(
                new Values("self-signed", List.of()),
                new Values("cert-manager", List.of("certificates.mode=cert-manager")),
                new Values("cert-manager with an issuer", List.of("certificates.mode=cert-manager",
                        "certificates.certManager.issuerRef.name=corp-ca",
                        "certificates.certManager.issuerRef.kind=ClusterIssuer")),
                new Values("secret", List.of("certificates.mode=secret", "certificates.secret.name=my-tls",
                        "certificates.secret.caBundle=" + CA_BUNDLE)));
    }

    /** Every mode with the reconciler off and on; "on" also turns every optional object on. */
    static List<Values> all() {
        List<Values> out = new java.util.ArrayList<>();
        for (Values v : modes()) {
            out.add(v);
            List<String> on = new java.util.ArrayList<>(v.sets);
            on.addAll(List.of("reconciler.enabled=true", "networkPolicy.enabled=true",
                    "metrics.serviceMonitor.enabled=true", "metrics.prometheusRule.enabled=true",
                    JSON + "webhook.policy={\"apiVersion\":\"neo4j-guard.io/v1alpha1\",\"kind\":\"Policy\","
                            + "\"rules\":{\"topology.two-servers\":\"error\"}}"));
            out.add(new Values(v.name + ", reconciler and every option on", on));
        }
        return out;
    }

    /** Marks a value given as JSON ({@code --set-json}). */
    static final String JSON = "json:";

    /** {@code --set a --set-json b ...}. */
    String[] args() {
        return sets.stream().flatMap(s -> s.startsWith(JSON) ? java.util.stream.Stream.of("--set-json",
                s.substring(JSON.length())) : java.util.stream.Stream.of("--set", s)).toArray(String[]::new);
    }

    @Override
    public String toString() {
        return name;
    }
}
