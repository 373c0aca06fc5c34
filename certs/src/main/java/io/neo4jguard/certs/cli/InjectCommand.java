package io.neo4jguard.certs.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.neo4jguard.certs.CaBundle;
import io.neo4jguard.certs.CertDir;
import io.neo4jguard.certs.kube.CaBundleInjector;
import io.neo4jguard.certs.kube.Kube;
import io.neo4jguard.certs.kube.SecretCertStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "inject", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes the CA bundle (every CA in the file) into clientConfig.caBundle of each webhook of "
                + "the ValidatingWebhookConfiguration and MutatingWebhookConfiguration named NAME. Idempotent: "
                + "entries already holding the bundle are left alone. Either configuration may be absent; both "
                + "absent is an error.",
                "Uses KUBECONFIG, ~/.kube/config or the in-cluster service account; needs get and patch on "
                        + "validatingwebhookconfigurations and mutatingwebhookconfigurations."},
        footer = {"", "Exit codes: 0 done, 2 usage, I/O or API error."})
final class InjectCommand implements Callable<Integer> {
    @ParentCommand
    CertsCommand parent;

    @Option(names = "--webhook", paramLabel = "NAME", required = true,
            description = "name of the webhook configurations")
    String webhook;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Source source = new Source();

    static final class Source {
        @Option(names = "--ca-file", paramLabel = "FILE",
                description = "the CA bundle, PEM (default ./ca.crt; e.g. DIR/ca.crt after 'certs create --out DIR')")
        String caFile;

        @Option(names = "--secret", paramLabel = "NS/NAME", description = "read ca.crt from this Secret instead")
        String secret;
    }

    @Option(names = "--dry-run", description = "print the JSON patches instead of sending them")
    boolean dryRun;

    @Override
    public Integer call() {
        try {
            Kube.checkName(webhook);
            List<X509Certificate> bundle = source.secret == null
                    ? CaBundle.read(parent.resolve(source.caFile == null ? CertDir.CA_CERT : source.caFile)) : null;
            try (KubernetesClient client = parent.kubernetes.get()) {
                if (bundle == null) {
                    SecretCertStore store = SecretCertStore.of(client, source.secret);
                    bundle = store.read().state().bundle();
                    if (bundle.isEmpty()) {
                        return parent.error(store.describe() + " holds no ca.crt; run 'neo4j-guard certs create --secret "
                                + source.secret + " ...' first");
                    }
                }
                for (CaBundleInjector.Outcome o : new CaBundleInjector(client).inject(webhook, bundle, dryRun)) {
                    parent.out.println((dryRun ? "(dry run) " : "") + o.describe());
                    if (dryRun && o.patch() != null) {
                        parent.out.println("  patch: " + o.patch());
                    }
                }
            }
            parent.out.flush();
            return CertsCommand.OK;
        } catch (Exception e) {
            return parent.fail(e);
        }
    }
}
