package io.neo4jguard.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.webhook.admission.Webhook;
import io.neo4jguard.webhook.tls.AnyServerCertificate;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Admission reviews sent to our own port over TLS, as the API server sends them: the launcher's training
 * run ({@code serve --exit-when-ready --train-reviews N}) records what a warm server has loaded and, on a
 * JDK with ahead-of-time method profiles (JEP 515, Java 25), how hot each method is, so a later start
 * compiles the review path at once instead of after thousands of requests. Every kind, CREATE and
 * UPDATE, both paths, one keep-alive connection (the API server's way) and a few new ones (handshakes).
 *
 * <p>Trusts whatever our port serves: it dials only the loopback address the server itself listens on
 * and sends only the samples of {@link WarmUp}.
 */
final class TrainingLoad {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainingLoad() {
    }

    /** Sends {@code reviews} reviews to {@code https://host:port}; returns how many were answered 200. */
    static int run(String host, int port, int reviews) throws IOException {
        SSLSocketFactory tls = trustingFactory();
        List<byte[]> bodies = new ArrayList<>();
        for (String kind : Kinds.ALL) {
            bodies.add(review(kind, false));
            bodies.add(review(kind, true));
        }
        Webhook[] paths = Webhook.values();
        int ok = 0;
        for (int i = 0; i < reviews; i++) {
            Webhook w = paths[i % paths.length];
            URL url = new URL("https", host, port, w.path());
            HttpsURLConnection c = (HttpsURLConnection) url.openConnection();
            c.setSSLSocketFactory(tls);
            c.setHostnameVerifier((h, s) -> true);
            c.setConnectTimeout(5_000);
            c.setReadTimeout(5_000);
            c.setDoOutput(true);
            c.setRequestMethod("POST");
            c.setRequestProperty("Content-Type", "application/json");
            if (i % 100 == 99) {
                c.setRequestProperty("Connection", "close"); // a new handshake now and then
            }
            byte[] body = bodies.get((i / paths.length) % bodies.size());
            c.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
            if (c.getResponseCode() == 200) {
                ok++;
            }
            try (InputStream in = c.getResponseCode() < 400 ? c.getInputStream() : c.getErrorStream()) {
                if (in != null) {
                    in.readAllBytes(); // read to the end, so the connection goes back for reuse
                }
            }
        }
        return ok;
    }

    private static byte[] review(String kind, boolean update) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode object = WarmUp.sample(kind);
        ObjectNode review = f.objectNode();
        review.put("apiVersion", "admission.k8s.io/v1");
        review.put("kind", "AdmissionReview");
        ObjectNode request = review.putObject("request");
        request.put("uid", "00000000-0000-0000-0000-" + String.format(Locale.ROOT, "%012d", kind.length()));
        request.putObject("kind").put("group", Kinds.GROUP).put("version", Kinds.VERSION).put("kind", kind);
        request.putObject("resource").put("group", Kinds.GROUP).put("version", Kinds.VERSION)
                .put("resource", kind.toLowerCase(Locale.ROOT) + "s");
        request.put("name", "warm-up");
        request.put("namespace", "default");
        request.put("operation", update ? "UPDATE" : "CREATE");
        request.putObject("userInfo").put("username", "training");
        request.set("object", object);
        if (update) {
            request.set("oldObject", object.deepCopy());
        }
        return JSON.writeValueAsString(review).getBytes(StandardCharsets.UTF_8);
    }

    private static SSLSocketFactory trustingFactory() throws IOException {
        try {
            return AnyServerCertificate.context(new AnyServerCertificate()).getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IOException("no TLS client: " + e.getMessage(), e);
        }
    }
}
