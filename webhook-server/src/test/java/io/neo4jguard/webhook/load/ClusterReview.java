package io.neo4jguard.webhook.load;

/**
 * A realistic review: a production-shaped three-server cluster (resources, storage, TLS, auth, memory
 * settings, placement, plugins-free) as the API server sends it on CREATE, with the metadata and
 * userInfo a real request carries. About 3 KB, like the operator's own production example.
 */
final class ClusterReview {
    private ClusterReview() {
    }

    static String json() {
        return """
                {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{
                 "uid":"3f1b1c52-6c1e-4a38-9b4e-4c1c1f0f6a01",
                 "kind":{"group":"neo4j.neo4j.com","version":"v1beta1","kind":"Neo4jEnterpriseCluster"},
                 "resource":{"group":"neo4j.neo4j.com","version":"v1beta1","resource":"neo4jenterpriseclusters"},
                 "requestKind":{"group":"neo4j.neo4j.com","version":"v1beta1","kind":"Neo4jEnterpriseCluster"},
                 "requestResource":{"group":"neo4j.neo4j.com","version":"v1beta1","resource":"neo4jenterpriseclusters"},
                 "name":"orders-graph","namespace":"prod","operation":"CREATE",
                 "userInfo":{"username":"system:serviceaccount:argocd:argocd-application-controller",
                  "uid":"0b6f0a5e-8d0e-4f53-a3c2-2f3e3d0a9b11","groups":["system:serviceaccounts","system:serviceaccounts:argocd","system:authenticated"]},
                 "object":{"apiVersion":"neo4j.neo4j.com/v1beta1","kind":"Neo4jEnterpriseCluster",
                  "metadata":{"name":"orders-graph","namespace":"prod","uid":"9a7c4b8e-2f5d-4e61-8c3a-1d2e3f4a5b6c",
                   "creationTimestamp":"2026-11-22T10:00:00Z","generation":1,
                   "labels":{"app.kubernetes.io/name":"orders-graph","app.kubernetes.io/part-of":"orders","team":"payments"},
                   "annotations":{"argocd.argoproj.io/tracking-id":"orders:neo4j.neo4j.com/Neo4jEnterpriseCluster:prod/orders-graph"},
                   "managedFields":[{"manager":"argocd-controller","operation":"Apply","apiVersion":"neo4j.neo4j.com/v1beta1",
                    "time":"2026-11-22T10:00:00Z","fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:topology":{"f:servers":{}}}}}]},
                  "spec":{"acceptLicenseAgreement":"yes",
                   "image":{"repo":"neo4j","tag":"5.26.0-enterprise","pullPolicy":"IfNotPresent"},
                   "topology":{"servers":3,
                    "placement":{"antiAffinity":{"enabled":true,"type":"preferred","topologyKey":"kubernetes.io/hostname"},
                     "topologySpread":{"enabled":true,"topologyKey":"topology.kubernetes.io/zone","maxSkew":1,"whenUnsatisfiable":"ScheduleAnyway"}}},
                   "storage":{"className":"premium-rwo","size":"100Gi"},
                   "resources":{"requests":{"cpu":"2","memory":"8Gi"},"limits":{"cpu":"4","memory":"8Gi"}},
                   "config":{"server.memory.heap.initial_size":"3g","server.memory.heap.max_size":"3g",
                    "server.memory.pagecache.size":"3g","db.tx_log.rotation.retention_policy":"2 days",
                    "server.backup.listen_address":"0.0.0.0:6362","dbms.security.procedures.unrestricted":"apoc.*"},
                   "tls":{"mode":"disabled"},
                   "auth":{"adminSecret":"orders-graph-admin"},
                   "env":[{"name":"NEO4J_server_metrics_enabled","value":"true"}]}},
                 "oldObject":null,"dryRun":false,
                 "options":{"apiVersion":"meta.k8s.io/v1","kind":"CreateOptions","fieldManager":"argocd-controller"}}}
                """;
    }
}
