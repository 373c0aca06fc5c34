package io.neo4jguard.webhook;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Hand-written HTTP/1.1 over TLS, for what a well-behaved client never does (stall, oversize, chunk forever). */
final class RawClient implements AutoCloseable {
    final SSLSocket socket;
    final OutputStream out;
    final InputStream in;

    RawClient(SSLContext trust, int port, int readTimeoutMillis) throws IOException {
        socket = (SSLSocket) trust.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout(readTimeoutMillis);
        socket.startHandshake();
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    static String headers(String path, String extra) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + extra + "\r\n";
    }

    /** Everything the server sends until it closes the connection (or the read timeout passes). */
    String readAll() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) != -1) {
                b.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            b.write("<read timed out>".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            if (b.size() == 0) {
                throw e;
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    /** The status line and headers, as soon as they have arrived (the body and the close are not awaited). */
    String readHead() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            b.write(c);
            String s = b.toString(StandardCharsets.ISO_8859_1);
            if (s.endsWith("\r\n\r\n")) {
                return s;
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * One whole response on a connection that stays open: the head, then exactly Content-Length bytes of
     * body. What the server sends instead when it has closed the connection (EOF, reset) is thrown.
     */
    String readResponse() throws IOException {
        String head = readHead();
        if (!head.endsWith("\r\n\r\n")) {
            throw new java.io.EOFException("connection closed after " + head.length() + " bytes of a response head");
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\r\ncontent-length: *(\\d+)").matcher(head);
        if (!m.find()) {
            throw new IOException("a response without Content-Length: " + head);
        }
        byte[] body = in.readNBytes(Integer.parseInt(m.group(1)));
        return head + new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
