package io.neo4jguard.webhook.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * An OCI image archive (an OCI image layout in a tar, as Jib's {@code buildTar} writes it) opened the way a
 * container runtime does: index, manifest, config, then the layers unpacked in order into a root directory.
 * Every blob is checked against its digest and every layer's uncompressed content against the config's
 * {@code rootfs.diff_ids}, so an archive a registry or runtime would refuse fails here too.
 */
final class OciImage {
    private static final ObjectMapper JSON = new ObjectMapper();

    final JsonNode manifest;
    /** The image config's {@code config} object: Entrypoint, Env, User, Labels, ... */
    final JsonNode config;
    final List<Long> layerSizes;

    private OciImage(JsonNode manifest, JsonNode config, List<Long> layerSizes) {
        this.manifest = manifest;
        this.config = config;
        this.layerSizes = layerSizes;
    }

    /** Unpacks {@code archive} into {@code work}/layout and its file system into {@code root}. */
    static OciImage unpack(Path archive, Path work, Path root) throws IOException, InterruptedException {
        Path layout = Files.createDirectories(work.resolve("layout"));
        tar(layout, archive, "-xf");
        JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
        JsonNode manifest = blob(layout, index.path("manifests").path(0).path("digest").asText());
        JsonNode image = blob(layout, manifest.path("config").path("digest").asText());
        JsonNode diffIds = image.path("rootfs").path("diff_ids");
        List<Long> sizes = new ArrayList<>();
        Files.createDirectories(root);
        int i = 0;
        for (JsonNode layer : manifest.path("layers")) {
            String media = layer.path("mediaType").asText();
            if (!media.equals("application/vnd.oci.image.layer.v1.tar+gzip")) {
                throw new IOException("unexpected layer type " + media);
            }
            Path file = verified(layout, layer.path("digest").asText());
            String diffId = "sha256:" + sha256(new GZIPInputStream(Files.newInputStream(file)));
            if (!diffId.equals(diffIds.path(i++).asText())) {
                throw new IOException("layer " + file.getFileName() + " does not match diff_id " + diffIds.path(i - 1));
            }
            // A layer from our build has no whiteouts (nothing below it to delete); a runtime would apply them.
            String listing = tar(root, file, "-tzf");
            if (listing.contains(".wh.")) {
                throw new IOException("layer " + file.getFileName()
                        + " has whiteout entries this reader does not apply");
            }
            tar(root, file, "--numeric-owner", "-xzpf");
            sizes.add(Files.size(file));
        }
        return new OciImage(manifest, image.path("config"), sizes);
    }

    long compressedSize() {
        return layerSizes.stream().mapToLong(Long::longValue).sum();
    }

    private static JsonNode blob(Path layout, String digest) throws IOException {
        return JSON.readTree(verified(layout, digest).toFile());
    }

    private static Path verified(Path layout, String digest) throws IOException {
        if (!digest.startsWith("sha256:")) {
            throw new IOException("unexpected digest " + digest);
        }
        Path file = layout.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
        String actual = "sha256:" + sha256(Files.newInputStream(file));
        if (!actual.equals(digest)) {
            throw new IOException(file + " has digest " + actual + ", the manifest says " + digest);
        }
        return file;
    }

    private static String sha256(InputStream in) throws IOException {
        try (DigestInputStream d = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
            d.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(d.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs GNU tar on {@code file} in {@code dir}; returns its output (the listing, for -t). */
    private static String tar(Path dir, Path file, String... flags) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tar", "-C", dir.toString()));
        cmd.addAll(List.of(flags));
        cmd.add(file.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }
}
