package io.neo4jguard.core.schema;

import io.neo4jguard.core.api.Kinds;

import java.util.LinkedHashMap;
import java.util.Map;

/** The smallest valid object of each kind: only what the CRDs require. */
final class MinimalObjects {
    static final Map<String, String> SPECS = new LinkedHashMap<>();

    static {
        SPECS.put(Kinds.CLUSTER, """
                  image:
                    repo: neo4j
                    tag: "5.26.0-enterprise"
                  topology:
                    servers: 3
                  storage:
                    size: 100Gi
                """);
        SPECS.put(Kinds.STANDALONE, """
                  image:
                    repo: neo4j
                    tag: "2025.10.1-enterprise"
                  storage:
                    size: 10Gi
                """);
        SPECS.put(Kinds.DATABASE, """
                  clusterRef: graph
                  name: sales
                """);
        SPECS.put(Kinds.PLUGIN, """
                  clusterRef: graph
                  name: apoc
                  version: "5.26.0"
                """);
        SPECS.put(Kinds.BACKUP, """
                  instanceRef: graph
                  allDatabases: true
                  storage:
                    type: pvc
                    pvc:
                      name: backups
                """);
        SPECS.put(Kinds.RESTORE, """
                  instanceRef: graph
                  database: sales
                  source:
                    type: backup
                    backupRef: nightly
                """);
        SPECS.put(Kinds.USER, """
                  clusterRef: graph
                  passwordSecretRef:
                    name: alice-password
                """);
        SPECS.put(Kinds.ROLE, """
                  clusterRef: graph
                """);
        SPECS.put(Kinds.ROLE_BINDING, """
                  clusterRef: graph
                  username: alice@example.com
                  roles: [reader]
                """);
        SPECS.put(Kinds.AUTH_RULE, """
                  clusterRef: graph
                  condition: abac.oidc.user_attribute('department') = 'sales'
                  grantedRoles: [reader]
                """);
    }

    private MinimalObjects() {
    }

    /** A whole object of {@code kind} with the given spec body (already indented by two spaces). */
    static String object(String kind, String specBody) {
        return "apiVersion: neo4j.neo4j.com/v1beta1\nkind: " + kind + "\nmetadata:\n  name: graph\nspec:\n" + specBody;
    }

    static String minimal(String kind) {
        return object(kind, SPECS.get(kind));
    }
}
