package io.neo4jguard.chart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The "cluster network" of a test control plane: an HTTP CONNECT proxy on loopback that the API server uses
 * for its egress selection {@code cluster}, the way managed clusters route the control plane's calls to
 * webhooks through Konnectivity. The API server resolves a webhook's {@code clientConfig.service} to the
 * Service's ClusterIP and port and asks this proxy to CONNECT there; a route maps that address to the port on
 * 127.0.0.1 where the test runs what the pod would. So the chart's webhook configurations and Service are used
 * unchanged: TLS is checked against {@code <service>.<namespace>.svc}, as in a cluster.
 *
 * <p>Only routed addresses are connected, always to 127.0.0.1; anything else gets 403 and is recorded. Nothing
 * but loopback is ever dialled.
 */
final class ClusterNetwork implements AutoCloseable {
    /** A CONNECT request line and headers are a few hundred bytes; 8 KiB bounds a broken client. */
    private static final int MAX_HEADER = 8192;

    private final ServerSocket server;
    private final Map<String, Integer> routes = new ConcurrentHashMap<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final List<String> connected = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private ClusterNetwork() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread t = new Thread(this::acceptLoop, "cluster-network");
        t.setDaemon(true);
        t.start();
    }

    static ClusterNetwork start() throws IOException {
        return new ClusterNetwork();
    }

    /** {@code host:port} as the API server asks for it (a ClusterIP and Service port) to 127.0.0.1:localPort. */
    void route(String host, int port, int localPort) {
        routes.put(host + ":" + port, localPort);
    }

    /** Addresses asked for that had no route. */
    List<String> refused() {
        return List.copyOf(refused);
    }

    /** Addresses connected through a route, in order. */
    List<String> connected() {
        return List.copyOf(connected);
    }

    /** Writes the API server's EgressSelectorConfiguration that sends {@code cluster} traffic here. */
    Path writeEgressConfig(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                apiVersion: apiserver.k8s.io/v1beta1
                kind: EgressSelectorConfiguration
                egressSelections:
                  - name: cluster
                    connection:
                      proxyProtocol: HTTPConnect
                      transport:
                        tcp:
                          url: http://127.0.0.1:%d
                """.formatted(server.getLocalPort()), StandardCharsets.UTF_8);
        return file;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> serve(client), "cluster-network-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    refused.add("accept failed: " + e.getMessage());
                }
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            String head = readHead(in);
            String[] first = head.split("\r\n", 2)[0].split(" ");
            if (first.length < 2 || !"CONNECT".equals(first[0])) {
                out.write("HTTP/1.1 405 Method Not Allowed\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            Integer local = routes.get(first[1]);
            if (local == null) {
                refused.add(first[1]);
                out.write("HTTP/1.1 403 Forbidden\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), local)) {
                connected.add(first[1]);
                out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread back = new Thread(() -> pump(upstream, client), "cluster-network-back");
                back.setDaemon(true);
                back.start();
                pump(client, upstream);
                back.join(5_000);
            }
        } catch (IOException | InterruptedException e) {
            // The API server closed or timed out the connection: nothing to report, it tells its own story.
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            byte[] a = b.toByteArray();
            int n = a.length;
            if (n >= 4 && a[n - 4] == '\r' && a[n - 3] == '\n' && a[n - 2] == '\r' && a[n - 1] == '\n') {
                break;
            }
            if (n > MAX_HEADER) {
                throw new IOException("CONNECT head over " + MAX_HEADER + " bytes");
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    private static void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // One side closed: the other direction ends on its own.
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
    }
}
