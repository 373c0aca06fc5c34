package io.neo4jguard.reconciler.desired;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;

/**
 * The server container's probes, built to answer the users' top complaint (reconciler-facts §6, items 1, 10, 11):
 * pods Ready before the server has joined, so a rolling update takes down the next server while the previous one
 * is not yet a member and the databases lose quorum; and liveness probes that kill a server in the middle of a
 * long store copy or recovery, so it starts over and never finishes.
 *
 * <ul>
 *   <li><b>Readiness</b> (cluster): {@code GET /db/system/cluster/available} on the HTTP port. Neo4j answers 200
 *       only when this server can serve the {@code system} database, as leader, follower or secondary, i.e. when it
 *       has joined the cluster and caught up; otherwise 404. Every server hosts {@code system}, so the endpoint
 *       exists on all of them, unlike {@code /db/neo4j/...} on a server that does not host {@code neo4j}. It needs
 *       {@code dbms.security.cluster_status_auth_enabled=false} (written by {@link Neo4jConf}): the kubelet sends
 *       no credentials. The StatefulSet's rolling update waits for each pod to be Ready before it takes the next,
 *       so this is what paces a roll. (Standalone: {@code GET /}, Neo4j's discovery document, answered once the
 *       DBMS has started; a single server has no membership to wait for.)</li>
 *   <li><b>Startup</b>: the same endpoint. A server starting from an old store or joining with a big store copy
 *       may need long: the official chart allows ~83 min (1000 × 5 s), the reference operator 10 min and its users
 *       report kills (facts §1, §2). We allow {@value #STARTUP_PERIOD} s × {@value #STARTUP_FAILURES} = 2 h, well
 *       above both; the only cost of a long window is a late restart of a start that truly hangs, which a human
 *       sees anyway as a pod that is not Ready.</li>
 *   <li><b>No liveness probe.</b> A liveness probe can only kill; the states it would detect already end the
 *       process: {@code -XX:+ExitOnOutOfMemoryError} and {@code server.panic.shutdown_on_panic=true} (both written
 *       by {@link Neo4jConf}) make a broken server exit, and the kubelet restarts an exited container without any
 *       probe. A busy server (store copy, long GC, checkpoint) is exactly what a liveness probe mistakes for a dead
 *       one.</li>
 * </ul>
 */
final class Probes {
    static final String CLUSTER_READY_PATH = "/db/system/cluster/available";
    static final String STANDALONE_READY_PATH = "/";

    /** Readiness every 10 s: a roll waits at most this long to notice a server became available. */
    static final int READY_PERIOD = 10;
    /**
     * 5 s: the endpoint answers from memory in milliseconds; 5 s rides out a long stop-the-world GC pause without
     * calling the server unavailable.
     */
    static final int TIMEOUT = 5;
    /**
     * 3 failures (30 s) before a Ready server is taken out of the Services: a Raft leader election takes a few
     * seconds and must not flap the endpoints; longer would keep sending clients to a server that left.
     */
    static final int READY_FAILURES = 3;
    static final int STARTUP_PERIOD = 10;
    /** 720 × 10 s = 2 h (see the class comment). */
    static final int STARTUP_FAILURES = 720;

    private Probes() {
    }

    static Probe readiness(Endpoint e) {
        return http(e).withPeriodSeconds(READY_PERIOD).withTimeoutSeconds(TIMEOUT)
                .withFailureThreshold(READY_FAILURES).withSuccessThreshold(1).build();
    }

    static Probe startup(Endpoint e) {
        return http(e).withPeriodSeconds(STARTUP_PERIOD).withTimeoutSeconds(TIMEOUT)
                .withFailureThreshold(STARTUP_FAILURES).withSuccessThreshold(1).build();
    }

    private static ProbeBuilder http(Endpoint e) {
        return new ProbeBuilder().withNewHttpGet().withPath(e.path()).withPort(new IntOrString(e.portName()))
                .withScheme(e.scheme()).endHttpGet();
    }

    /**
     * Where the probes ask: HTTP on 7474 unless the user turned HTTP off, then HTTPS on 7473 (the kubelet does
     * not verify the certificate of an HTTPS probe).
     */
    record Endpoint(String path, String portName, String scheme) {
        static Endpoint of(boolean cluster, boolean httpEnabled) {
            String path = cluster ? CLUSTER_READY_PATH : STANDALONE_READY_PATH;
            return httpEnabled ? new Endpoint(path, Ports.HTTP_NAME, "HTTP")
                    : new Endpoint(path, Ports.HTTPS_NAME, "HTTPS");
        }
    }
}
