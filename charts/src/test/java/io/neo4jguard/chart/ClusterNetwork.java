package io.neo4jguard.chart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
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
 * <p>The proxy listens on a Unix domain socket (egress transport {@code uds}): kube-apiserver 1.34 accepts an
 * {@code http://} TCP proxy URL in validation but then dereferences its absent TLS settings and panics
 * (egressselector.getTLSConfig), while a socket file needs no port and no TLS.
 *
 * <p>Only routed addresses are connected, always to 127.0.0.1; anything else gets 403 and is recorded. Nothing
 * but loopback is ever dialled.
 */
final class ClusterNetwork implements AutoCloseable {
    /** A CONNECT request line and headers are a few hundred bytes; 8 KiB bounds a broken client. */
    private static final int MAX_HEADER = 8192;

    private final Path socket;
    private final ServerSocketChannel server;
    private final Map<String, Integer> routes = new ConcurrentHashMap<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final List<String> connected = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private ClusterNetwork(Path socket) throws IOException {
        this.socket = socket;
        Files.createDirectories(socket.getParent());
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread t = new Thread(this::acceptLoop, "cluster-network");
        t.setDaemon(true);
        t.start();
    }

    /** Listens on {@code socket} (a path short enough for a socket address: about 100 bytes). */
    static ClusterNetwork start(Path socket) throws IOException {
        return new ClusterNetwork(socket);
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
                        uds:
                          udsName: %s
                """.formatted(socket), StandardCharsets.UTF_8);
        return file;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SocketChannel client = server.accept();
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

    private void serve(SocketChannel client) {
        try (client) {
            String head = readHead(client);
            String[] first = head.split("\r\n", 2)[0].split(" ");
            if (first.length < 2 || !"CONNECT".equals(first[0])) {
                write(client, "HTTP/1.1 405 Method Not Allowed\r\n\r\n");
                return;
            }
            Integer local = routes.get(first[1]);
            if (local == null) {
                refused.add(first[1]);
                write(client, "HTTP/1.1 403 Forbidden\r\n\r\n");
                return;
            }
            try (SocketChannel upstream = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    local))) {
                connected.add(first[1]);
                write(client, "HTTP/1.1 200 Connection established\r\n\r\n");
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

    /** The request head, byte by byte: TLS follows it and must stay unread for the upstream. */
    private static String readHead(SocketChannel in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ByteBuffer one = ByteBuffer.allocate(1);
        int matched = 0;
        while (matched < 4) {
            one.clear();
            if (in.read(one) < 0) {
                throw new IOException("closed before the end of the CONNECT head");
            }
            byte c = one.get(0);
            b.write(c);
            matched = c == "\r\n\r\n".charAt(matched) ? matched + 1 : c == '\r' ? 1 : 0;
            if (b.size() > MAX_HEADER) {
                throw new IOException("CONNECT head over " + MAX_HEADER + " bytes");
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    private static void write(SocketChannel to, String text) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
        while (buf.hasRemaining()) {
            to.write(buf);
        }
    }

    /** Copies until end of stream, then half-closes: each direction ends on its own. */
    private static void pump(SocketChannel from, SocketChannel to) {
        ByteBuffer buf = ByteBuffer.allocate(16 * 1024);
        try {
            while (from.read(buf) >= 0) {
                buf.flip();
                while (buf.hasRemaining()) {
                    to.write(buf);
                }
                buf.clear();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // One side closed: the other direction ends on its own.
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        Files.deleteIfExists(socket);
    }
}
