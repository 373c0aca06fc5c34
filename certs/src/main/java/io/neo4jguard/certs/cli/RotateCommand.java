package io.neo4jguard.certs.cli;

import io.neo4jguard.certs.CertRequest;
import io.neo4jguard.certs.CertState;
import io.neo4jguard.certs.CertStore;
import io.neo4jguard.certs.Rotation;
import io.neo4jguard.certs.RotationPolicy;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "rotate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Renews what is due in DIR: the serving certificate when a third of its life remains; the CA "
                + "with overlap (the new CA joins ca.crt first and signs only after --publish-grace; the old CA leaves "
                + "ca.crt once nothing it signed is still valid). Run it daily, followed by 'certs inject'.",
                "Without name options the serving certificate is renewed for the names it has."},
        footer = {"", "Exit codes: 0 done (also when nothing was due), 2 usage or I/O error."})
final class RotateCommand implements Callable<Integer> {
    @ParentCommand
    CertsCommand parent;

    @Mixin
    SanOptions sans;

    @Option(names = "--validity", paramLabel = "DURATION", converter = Durations.class,
            description = "lifetime of a new serving certificate (default: that of the current one, else 90d)")
    Duration validity;

    @Option(names = "--ca-validity", paramLabel = "DURATION", defaultValue = "3650d", converter = Durations.class,
            description = "lifetime of a new CA (default 3650d)")
    Duration caValidity;

    @Option(names = "--publish-grace", paramLabel = "DURATION", defaultValue = "7d", converter = Durations.class,
            description = "how long a new CA is in ca.crt before it signs (default 7d): longer than it takes to "
                    + "publish ca.crt to the webhook configurations")
    Duration grace;

    @Option(names = "--dry-run", description = "show what would change; write nothing")
    boolean dryRun;

    @ArgGroup(exclusive = true, multiplicity = "1")
    StoreOptions where;

    @Override
    public Integer call() {
        try (StoreOptions.Opened opened = where.open(parent)) {
            CertStore store = opened.store();
            CertState current = store.read().state();
            if (current.isEmpty()) {
                return parent.error(store.describe() + " holds no certificates; run 'neo4j-guard certs create' first");
            }
            CertRequest request = request(current);
            RotationPolicy policy = new RotationPolicy(Limits.ca(caValidity, request.validity()),
                    RotationPolicy.DEFAULT_CA_NAME, grace);
            Rotation.Result r = dryRun ? Rotation.preview(store, request, policy, parent.clock)
                    : Rotation.run(store, request, policy, parent.clock);
            Summary.print(parent.out, store.describe(), r, dryRun);
            parent.out.flush();
            return CertsCommand.OK;
        } catch (Exception e) {
            return parent.fail(e);
        }
    }

    private CertRequest request(CertState current) {
        Duration v = validity != null ? Limits.serving(validity) : null;
        if (sans.given()) {
            return sans.request(v != null ? v : current.serving()
                    .map(p -> CertRequest.coveredBy(p.certificate()).validity()).orElse(CertRequest.DEFAULT_VALIDITY));
        }
        CertRequest same = current.serving().map(p -> CertRequest.coveredBy(p.certificate()))
                .orElseThrow(() -> new IllegalArgumentException("tls.crt is missing or unusable ("
                        + String.join("; ", current.problems()) + "), so the names to certify are unknown: pass "
                        + "--service and --namespace, or --dns/--ip"));
        return v != null ? same.withValidity(v) : same;
    }
}
