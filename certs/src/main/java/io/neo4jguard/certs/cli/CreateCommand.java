package io.neo4jguard.certs.cli;

import io.neo4jguard.certs.CertRequest;
import io.neo4jguard.certs.Rotation;
import io.neo4jguard.certs.RotationPolicy;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Creates a CA and a serving certificate in DIR, or keeps those there if they are valid, "
                + "not due for renewal and cover the names asked for (idempotent: safe in every install job).",
                "Files: ca.crt (the bundle clients trust), ca.key, tls.crt, tls.key (0600 for keys), issued.crt."},
        footer = {"", "Exit codes: 0 done, 2 usage or I/O error."})
final class CreateCommand implements Callable<Integer> {
    @ParentCommand
    CertsCommand parent;

    @Mixin
    SanOptions sans;

    @Option(names = "--validity", paramLabel = "DURATION", defaultValue = "90d", converter = Durations.class,
            description = "lifetime of the serving certificate (default 90d; renewed with a third left)")
    Duration validity;

    @Option(names = "--ca-validity", paramLabel = "DURATION", defaultValue = "3650d", converter = Durations.class,
            description = "lifetime of a new CA (default 3650d)")
    Duration caValidity;

    @ArgGroup(exclusive = true, multiplicity = "1")
    StoreOptions where;

    @Override
    public Integer call() {
        try {
            CertRequest request = sans.request(Limits.serving(validity));
            RotationPolicy policy = RotationPolicy.defaults().withCaValidity(Limits.ca(caValidity, validity));
            try (StoreOptions.Opened opened = where.open(parent)) {
                Rotation.Result r = Rotation.run(opened.store(), request, policy, parent.clock);
                Summary.print(parent.out, opened.store().describe(), r, false);
            }
            parent.out.flush();
            return CertsCommand.OK;
        } catch (Exception e) {
            return parent.fail(e);
        }
    }
}
