package io.neo4jguard.reconciler.desired;

import java.util.ArrayList;
import java.util.List;

/**
 * Neo4j's ports (neo4j-facts §5, "Ports"), named as Kubernetes port names (at most 15 characters, IANA
 * service-name syntax). 5000 (discovery v1) is not opened: both 5.26 with {@code V2_ONLY} and every CalVer
 * release discover over 6000.
 */
final class Ports {
    static final int BOLT = 7687;
    static final int HTTP = 7474;
    static final int HTTPS = 7473;
    /** Cluster traffic (catch-up, transactions) and, since 5.23, discovery v2. */
    static final int CLUSTER = 6000;
    static final int RAFT = 7000;
    /** Server-side routing connector. */
    static final int ROUTING = 7688;
    /** Online backup; listening on 0.0.0.0 is what the backup-listen defaulter sets. */
    static final int BACKUP = 6362;

    static final String BOLT_NAME = "bolt";
    static final String HTTP_NAME = "http";
    static final String HTTPS_NAME = "https";
    static final String CLUSTER_NAME = "tcp-tx";
    static final String RAFT_NAME = "tcp-raft";
    static final String ROUTING_NAME = "tcp-routing";
    static final String BACKUP_NAME = "tcp-backup";

    /** A named port of the server container, and of the Services in front of it. */
    record Port(String name, int number) {
    }

    private Ports() {
    }

    /** The server's ports: HTTPS only with TLS, the cluster ports only in a cluster. */
    static List<Port> server(boolean cluster, boolean tls) {
        List<Port> p = new ArrayList<>();
        p.add(new Port(BOLT_NAME, BOLT));
        p.add(new Port(HTTP_NAME, HTTP));
        if (tls) {
            p.add(new Port(HTTPS_NAME, HTTPS));
        }
        p.add(new Port(BACKUP_NAME, BACKUP));
        if (cluster) {
            p.add(new Port(CLUSTER_NAME, CLUSTER));
            p.add(new Port(RAFT_NAME, RAFT));
            p.add(new Port(ROUTING_NAME, ROUTING));
        }
        return p;
    }
}
