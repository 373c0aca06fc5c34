package io.neo4jguard.reconciler;

import io.neo4jguard.core.Validator;
import io.neo4jguard.core.defaults.Defaults;
import io.neo4jguard.core.defaults.DefaultsOptions;
import io.neo4jguard.reconciler.desired.DesiredState;
import io.neo4jguard.reconciler.diagnostics.DiagnosticsOptions;
import io.neo4jguard.reconciler.loop.NamespaceSelector;

import java.time.Duration;
import java.util.Optional;

/**
 * How a {@link ReconcilerRuntime} runs. Defaults as {@code neo4j-guard reconcile} documents them.
 *
 * @param workers          reconciles in parallel; 4 because a reconcile mostly waits on API round trips
 * @param resync           how often every object is checked again with nothing changed (reads only)
 * @param namespaces       namespace selector; empty = annotated objects only
 * @param leaseNamespace   where the leader Lease lives; empty = no leader election (one replica)
 * @param leaseName        the Lease's name
 * @param identity         this replica's name in the Lease (the pod name in a cluster)
 * @param shutdownGrace    how long SIGTERM waits for reconciles in flight
 * @param diagnostics      Bolt diagnostics of clusters and standalones; off unless asked for ({@code reconcile}
 *                         turns them on by default, so tests and the playground never dial a cluster address)
 */
public record RuntimeOptions(int workers, Duration resync, Optional<NamespaceSelector> namespaces,
                             Optional<String> leaseNamespace, String leaseName, String identity,
                             Duration shutdownGrace, Validator validator, Defaults defaults, DesiredState desired,
                             DiagnosticsOptions diagnostics) {
    public static final int WORKERS = 4;
    /**
     * Ten minutes: an idle resync of 100 clusters costs ~300 cache reads and no request, so it can be frequent
     * enough to repair drift by hand-edits within minutes (controller-runtime's 10 h default assumes a costly one).
     */
    public static final Duration RESYNC = Duration.ofMinutes(10);
    public static final String LEASE_NAME = "neo4j-guard-reconciler";
    /** Within Kubernetes' default 30 s terminationGracePeriodSeconds, leaving time for the Lease release. */
    public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);

    public static RuntimeOptions defaults(String identity) {
        Validator v = Validator.standard();
        return new RuntimeOptions(WORKERS, RESYNC, Optional.empty(), Optional.empty(), LEASE_NAME, identity,
                SHUTDOWN_GRACE, v, Defaults.standard(DefaultsOptions.from(v.policy())), DesiredState.standard(),
                DiagnosticsOptions.off());
    }

    public RuntimeOptions withWorkers(int n) {
        return new RuntimeOptions(n, resync, namespaces, leaseNamespace, leaseName, identity, shutdownGrace, validator,
                defaults, desired, diagnostics);
    }

    public RuntimeOptions withResync(Duration d) {
        return new RuntimeOptions(workers, d, namespaces, leaseNamespace, leaseName, identity, shutdownGrace, validator,
                defaults, desired, diagnostics);
    }

    public RuntimeOptions withShutdownGrace(Duration d) {
        return new RuntimeOptions(workers, resync, namespaces, leaseNamespace, leaseName, identity, d, validator,
                defaults, desired, diagnostics);
    }

    public RuntimeOptions withNamespaces(NamespaceSelector s) {
        return new RuntimeOptions(workers, resync, Optional.ofNullable(s), leaseNamespace, leaseName, identity,
                shutdownGrace, validator, defaults, desired, diagnostics);
    }

    public RuntimeOptions withLeaderElection(String namespace, String name) {
        return new RuntimeOptions(workers, resync, namespaces, Optional.ofNullable(namespace), name, identity,
                shutdownGrace, validator, defaults, desired, diagnostics);
    }

    /** The webhook's validator (with its policy) and the defaults that policy chooses. */
    public RuntimeOptions withValidator(Validator v) {
        return new RuntimeOptions(workers, resync, namespaces, leaseNamespace, leaseName, identity, shutdownGrace, v,
                Defaults.standard(DefaultsOptions.from(v.policy())), desired, diagnostics);
    }

    public RuntimeOptions withDesired(DesiredState d) {
        return new RuntimeOptions(workers, resync, namespaces, leaseNamespace, leaseName, identity, shutdownGrace,
                validator, defaults, d, diagnostics);
    }

    public RuntimeOptions withDiagnostics(DiagnosticsOptions d) {
        return new RuntimeOptions(workers, resync, namespaces, leaseNamespace, leaseName, identity, shutdownGrace,
                validator, defaults, desired, d);
    }
}
