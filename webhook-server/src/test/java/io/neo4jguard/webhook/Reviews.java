package io.neo4jguard.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Golden request bodies, read from the test class path. */
final class Reviews {
    private Reviews() {
    }

    static String text(String name) {
        try (InputStream in = Reviews.class.getResourceAsStream("/admission/" + name + ".request.json")) {
            if (in == null) {
                throw new IllegalArgumentException("no golden request " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode tree(String name) {
        try {
            return (ObjectNode) TestServer.JSON.readTree(text(name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(ObjectNode review) {
        try {
            return TestServer.JSON.writeValueAsBytes(review);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
