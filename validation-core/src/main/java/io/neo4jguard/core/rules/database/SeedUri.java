package io.neo4jguard.core.rules.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A parsed {@code spec.seedURI}. The schemes are those Neo4j's seed providers read: {@code s3}, {@code gs},
 * {@code azb} (CloudSeedProvider) and {@code https}, {@code http}, {@code ftp} (URLConnectionSeedProvider);
 * the operator accepts exactly these.
 */
record SeedUri(String scheme, String host, String path) {
    static final List<String> SCHEMES = List.of("s3", "gs", "azb", "https", "http", "ftp");
    static final List<String> CLOUD_SCHEMES = List.of("s3", "gs", "azb");

    /** The URI, or why it is not a usable seed location. Never throws. */
    static Parsed parse(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            return new Parsed(null, "not a valid URI: " + e.getReason()
                    + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
        }
        if (uri.getScheme() == null) {
            return new Parsed(null, "has no scheme; expected one of " + String.join(", ", SCHEMES)
                    + ", e.g. s3://bucket/path/db.backup");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            return new Parsed(null, "unsupported scheme '" + uri.getScheme() + "'; supported: "
                    + String.join(", ", SCHEMES));
        }
        if (uri.isOpaque()) {
            return new Parsed(null, "must be hierarchical: " + scheme + "://<bucket-or-host>/<path>");
        }
        // The raw authority, not getHost(): bucket names such as my_bucket are not DNS host names.
        String authority = uri.getRawAuthority();
        String host = authority == null ? "" : authority.substring(authority.lastIndexOf('@') + 1);
        if (host.isEmpty()) {
            return new Parsed(null, "has no " + (CLOUD_SCHEMES.contains(scheme) ? "bucket or container" : "host")
                    + "; expected " + scheme + "://<" + (CLOUD_SCHEMES.contains(scheme) ? "bucket" : "host")
                    + ">/<path>");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.isEmpty() || path.equals("/")) {
            return new Parsed(null, "names no object: add the path of the backup or dump, e.g. " + scheme + "://"
                    + host + "/db.backup");
        }
        return new Parsed(new SeedUri(scheme, host, path), null);
    }

    boolean cloud() {
        return CLOUD_SCHEMES.contains(scheme);
    }

    boolean plaintext() {
        return scheme.equals("http") || scheme.equals("ftp");
    }

    record Parsed(SeedUri uri, String error) {
        Optional<SeedUri> value() {
            return Optional.ofNullable(uri);
        }
    }
}
