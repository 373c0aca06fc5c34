package io.neo4jguard.kube.testenv;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A loopback port free at the moment of asking. Another process can take it before our server binds it; the
 * launcher therefore retries a start that failed with "address already in use" on fresh ports.
 */
final class FreePort {
    private FreePort() {
    }

    static int next() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new KubeTestEnvException("no free loopback port: " + e.getMessage());
        }
    }
}
