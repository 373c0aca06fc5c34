package io.neo4jguard.webhook.load;

import io.neo4jguard.certs.CertDir;
import io.neo4jguard.certs.CertRequest;
import io.neo4jguard.certs.Pem;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Load driver for {@code neo4j-guard serve} (not a test: run it with {@code webhook-server/load/run.sh}).
 * Starts the server command it is given in a child process, measures cold start to ready, then sends a
 * realistic Neo4jEnterpriseCluster review to {@code /validate} over TLS with keep-alive at fixed rates
 * (open loop: latency counts from the scheduled send time, so a stalled server cannot hide its queue)
 * and at the maximum a few concurrent clients reach (closed loop), and reports p50/p99/max latency,
 * requests per second, errors and the server's RSS (VmRSS and its peak VmHWM from /proc).
 *
 * <pre>
 * LoadDriver --rates 100,1000,max --seconds 10 --warmup 5 -- COMMAND...
 * </pre>
 * The command gets {@code --cert-dir DIR --port P --metrics-port M --bind 127.0.0.1 --lookups none}
 * appended.
 */
public final class LoadDriver {
    /** Concurrent clients for the "max" phase: more than the server's 2 cores, few enough not to thrash. */
    static final int MAX_CLIENTS = 8;
    /**
     * Connections of the fixed-rate phases. At 1,000 req/s and about 1 ms per answer one or two are busy
     * at a time; 16 absorb a pause of the server (GC, a scheduling hiccup on a shared machine) without
     * opening a connection per waiting request, as an unbounded client would.
     */
    static final int CONNECTIONS = 16;

    public static void main(String[] args) throws Exception {
        List<String> rates = List.of("100", "1000", "max");
        int seconds = 10;
        int warmup = 5;
        int i = 0;
        while (i < args.length && !args[i].equals("--")) {
            switch (args[i]) {
                case "--rates" -> rates = List.of(args[++i].split(","));
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        List<String> command = new ArrayList<>(Arrays.asList(args).subList(Math.min(i + 1, args.length), args.length));
        if (command.isEmpty()) {
            System.err.println("usage: LoadDriver [--rates 100,1000,max] [--seconds N] [--warmup N] -- SERVER COMMAND...");
            System.exit(2);
        }
        System.out.print(run(command, rates, seconds, warmup));
        System.exit(0);
    }

    /** Runs the whole measurement and returns the report (Markdown table). */
    public static String run(List<String> command, List<String> rates, int seconds, int warmup) throws Exception {
        Path dir = Files.createTempDirectory("neo4j-guard-load");
        Path certs = dir.resolve("certs");
        CertDir.ensure(certs, CertRequest.loopback(), Clock.systemUTC());
        int port = freePort();
        int metricsPort = freePort();
        List<String> cmd = new ArrayList<>(command);
        cmd.addAll(List.of("--cert-dir", certs.toString(), "--port", Integer.toString(port), "--metrics-port",
                Integer.toString(metricsPort), "--bind", "127.0.0.1", "--lookups", "none", "--shutdown-delay", "0"));
        Path log = dir.resolve("server.log");
        StringBuilder report = new StringBuilder();
        long t0 = System.nanoTime();
        Process server = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient plain = HttpClient.newHttpClient();
            URI readyz = URI.create("http://127.0.0.1:" + metricsPort + "/readyz");
            while (status(plain, readyz) != 200) {
                if (!server.isAlive() || System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(60)) {
                    throw new IllegalStateException("server did not become ready:\n" + Files.readString(log));
                }
                LockSupport.parkNanos(2_000_000);
            }
            double readyMs = (System.nanoTime() - t0) / 1e6;
            long pid = server.pid();
            report.append(String.format(Locale.ROOT, "cold start to ready: %.0f ms (process start to first 200 on /readyz); "
                    + "RSS when ready: %s%n%n", readyMs, rss(pid)));

            HttpClient client = HttpClient.newBuilder().sslContext(trusting(certs.resolve(CertDir.CA_CERT)))
                    .version(HttpClient.Version.HTTP_1_1).build();
            URI validate = URI.create("https://127.0.0.1:" + port + "/validate");
            byte[] body = ClusterReview.json().getBytes(StandardCharsets.UTF_8);
            check(client, validate, body);
            report.append(String.format(Locale.ROOT, "review: Neo4jEnterpriseCluster CREATE, %d bytes, allowed%n%n", body.length));
            report.append("| rate | achieved req/s | p50 ms | p99 ms | max ms | errors | server p50 ms | server p99 ms "
                    + "| RSS MiB | peak RSS MiB |\n");
            report.append("|---|---|---|---|---|---|---|---|---|---|\n");
            for (String rate : rates) {
                // Warm-up at the same rate (JIT, connection pool), not measured.
                phase(client, validate, body, rate, warmup);
                long from = Files.lines(log).count();
                Result r = phase(client, validate, body, rate, seconds);
                double[] own = serverSide(log, from);
                report.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %.2f | %d | %.2f | %.2f | %s | %s |%n",
                        rate, r.throughput(), r.percentile(50), r.percentile(99), r.percentile(100), r.errors,
                        own[0], own[1], mib(rss(pid)), mib(hwm(pid))));
            }
        } finally {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
            server.destroyForcibly();
        }
        return report.toString();
    }

    record Result(long[] latenciesNanos, int errors, double seconds) {
        double throughput() {
            return latenciesNanos.length / seconds;
        }

        double percentile(int p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            long[] s = latenciesNanos.clone();
            Arrays.sort(s);
            int idx = (int) Math.ceil(p / 100.0 * s.length) - 1;
            return s[Math.max(0, Math.min(s.length - 1, idx))] / 1e6;
        }
    }

    static Result phase(HttpClient client, URI uri, byte[] body, String rate, int seconds) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        if (rate.equals("max")) {
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < MAX_CLIENTS; c++) {
                Thread t = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        long s = System.nanoTime();
                        if (send(client, uri, body)) {
                            latencies.add(System.nanoTime() - s);
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                });
                clients.add(t);
                t.start();
            }
            for (Thread t : clients) {
                t.join();
            }
        } else {
            // Open loop over a bounded pool of connections, as a real client has: requests are due at a
            // fixed rate and wait in a queue for a free connection; latency counts from the due time.
            long interval = TimeUnit.SECONDS.toNanos(1) / Long.parseLong(rate);
            java.util.concurrent.BlockingQueue<Long> due = new java.util.concurrent.LinkedBlockingQueue<>();
            List<Thread> connections = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                Thread t = new Thread(() -> {
                    try {
                        while (true) {
                            long intended = due.take();
                            if (intended < 0) {
                                return;
                            }
                            if (send(client, uri, body)) {
                                latencies.add(System.nanoTime() - intended);
                            } else {
                                errors.incrementAndGet();
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                connections.add(t);
                t.start();
            }
            for (long scheduled = start; scheduled < end; scheduled += interval) {
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                due.add(scheduled);
            }
            for (int c = 0; c < CONNECTIONS; c++) {
                due.add(-1L);
            }
            for (Thread t : connections) {
                t.join(30_000);
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(latencies.stream().mapToLong(Long::longValue).toArray(), errors.get(), elapsed);
    }

    /**
     * p50 and p99 of the server's own duration_ms (request read to answer ready, without the network
     * and the client) from the decision log lines after line {@code from}.
     */
    static double[] serverSide(Path log, long from) throws IOException {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("\"duration_ms\":([0-9.]+)");
        double[] d;
        try (java.util.stream.Stream<String> lines = Files.lines(log)) {
            d = lines.skip(from).filter(l -> l.contains("admission decision")).map(p::matcher)
                    .filter(java.util.regex.Matcher::find).mapToDouble(m -> Double.parseDouble(m.group(1))).sorted().toArray();
        }
        if (d.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {d[(int) Math.ceil(0.5 * d.length) - 1], d[(int) Math.ceil(0.99 * d.length) - 1]};
    }

    private static boolean send(HttpClient client, URI uri, byte[] body) {
        try {
            return client.send(request(uri, body), HttpResponse.BodyHandlers.ofByteArray()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static HttpRequest request(URI uri, byte[] body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static void check(HttpClient client, URI uri, byte[] body) throws Exception {
        HttpResponse<String> r = client.send(request(uri, body), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().contains("\"allowed\":true")) {
            throw new IllegalStateException("the review is not answered as expected: " + r.statusCode() + " " + r.body());
        }
    }

    static String rss(long pid) {
        return procStatus(pid, "VmRSS:");
    }

    static String hwm(long pid) {
        return procStatus(pid, "VmHWM:");
    }

    private static String procStatus(long pid, String key) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(l -> l.startsWith(key)).map(l -> l.substring(key.length()).trim()).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String mib(String kb) {
        try {
            return String.format(Locale.ROOT, "%.0f", Long.parseLong(kb.replace("kB", "").trim()) / 1024.0);
        } catch (NumberFormatException e) {
            return kb;
        }
    }

    private static int status(HttpClient c, URI uri) {
        try {
            return c.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(1)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    static SSLContext trusting(Path caFile) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        int n = 0;
        for (X509Certificate c : Pem.certificates(Files.readString(caFile))) {
            ks.setCertificateEntry("ca" + n++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
