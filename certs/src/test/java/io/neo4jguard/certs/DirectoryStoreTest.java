package io.neo4jguard.certs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirectoryStoreTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final CertRequest REQUEST = CertRequest.loopback();

    @TempDir
    Path dir;

    Rotation.Result rotate(Instant at) throws IOException {
        return Rotation.run(CertDir.store(dir), REQUEST, RotationPolicy.defaults(), Clock.fixed(at, ZoneOffset.UTC));
    }

    @Test
    void keysAreOwnerOnlyAndCertificatesWorldReadable() throws Exception {
        rotate(T0);
        assertThat(mode(CertDir.TLS_KEY)).isEqualTo("rw-------");
        assertThat(mode(CertDir.CA_KEY)).isEqualTo("rw-------");
        assertThat(mode(CertDir.TLS_CERT)).isEqualTo("rw-r--r--");
        assertThat(mode(CertDir.CA_CERT)).isEqualTo("rw-r--r--");
        assertThat(mode(CertDir.ISSUED)).isEqualTo("rw-r--r--");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "ca.crt", "ca.key", "tls.crt", "tls.key", "issued.crt", DirectoryStore.LOCK); // no temp files left
        }
    }

    @Test
    void aSecondRunWritesNothing() throws Exception {
        rotate(T0);
        long before = Files.getLastModifiedTime(dir.resolve(CertDir.TLS_CERT)).toMillis();
        byte[] cert = Files.readAllBytes(dir.resolve(CertDir.TLS_CERT));
        Thread.sleep(20);
        Rotation.Result again = rotate(T0.plus(Duration.ofDays(1)));
        assertThat(again.changed()).isFalse();
        assertThat(Files.readAllBytes(dir.resolve(CertDir.TLS_CERT))).isEqualTo(cert);
        assertThat(Files.getLastModifiedTime(dir.resolve(CertDir.TLS_CERT)).toMillis()).isEqualTo(before);
    }

    @Test
    void aWriteAfterSomeoneElseChangedTheFilesIsAConflict() throws Exception {
        rotate(T0);
        CertStore store = CertDir.store(dir);
        CertStore.Snapshot seen = store.read();
        rotate(T0.plus(Duration.ofDays(61))); // another writer renews meanwhile
        RotationPlan p = RotationPlan.compute(seen.state(), REQUEST, RotationPolicy.defaults(), T0.plus(Duration.ofDays(61)));
        CertState next = Rotation.apply(seen.state(), p, REQUEST, RotationPolicy.defaults());
        byte[] winner = Files.readAllBytes(dir.resolve(CertDir.TLS_CERT));
        assertThatThrownBy(() -> store.write(seen, next)).isInstanceOf(CertStore.ConflictException.class);
        assertThat(Files.readAllBytes(dir.resolve(CertDir.TLS_CERT))).isEqualTo(winner);
    }

    @Test
    void aDamagedDirectoryIsRepaired() throws Exception {
        rotate(T0);
        byte[] ca = Files.readAllBytes(dir.resolve(CertDir.CA_CERT));
        String cert = Files.readString(dir.resolve(CertDir.TLS_CERT));
        // A crash of some other tool: tls.crt cut in half, a stray temp file, the record full of junk.
        Files.writeString(dir.resolve(CertDir.TLS_CERT), cert.substring(0, cert.length() / 2));
        Files.writeString(dir.resolve("." + CertDir.TLS_KEY + ".123.tmp"), "half a key");
        Files.writeString(dir.resolve(CertDir.ISSUED), "junk");
        CertState damaged = CertDir.store(dir).read().state();
        assertThat(damaged.serving()).isEmpty();
        assertThat(damaged.problems()).anyMatch(p -> p.startsWith("tls.crt")).anyMatch(p -> p.startsWith("issued.crt"));
        assertThat(String.join(" ", damaged.problems())).doesNotContain("MII"); // no file contents in messages

        Rotation.Result r = rotate(T0.plus(Duration.ofDays(1)));
        assertThat(r.plan().actions()).anyMatch(a -> a.reason().contains("unusable"));
        CertDir.Bundle b = CertDir.read(dir);
        assertThat(Files.readAllBytes(dir.resolve(CertDir.CA_CERT))).isEqualTo(ca); // same CA: nothing to re-trust
        assertThat(Certs.issuedBy(b.certificate(), b.caBundle().get(0))).isTrue();
        assertThat(Files.exists(dir.resolve("." + CertDir.TLS_KEY + ".123.tmp"))).isFalse();
        assertThat(CertDir.store(dir).read().state().problems()).isEmpty();
    }

    @Test
    void aMismatchedPairIsRefusedByRead() throws Exception {
        rotate(T0);
        Files.writeString(dir.resolve(CertDir.TLS_KEY), Pem.write(KeyPairs.p256().getPrivate()));
        assertThatThrownBy(() -> CertDir.read(dir)).hasMessageContaining("does not belong to")
                .hasMessageNotContaining("PRIVATE");
        assertThat(CertDir.store(dir).read().state().problems()).containsExactly("tls.key does not belong to tls.crt");
    }

    @Test
    void aGarbageCaKeyMeansANewCaStagedBehindTheTrustedCertificate() throws Exception {
        rotate(T0);
        byte[] cert = Files.readAllBytes(dir.resolve(CertDir.TLS_CERT));
        Files.writeString(dir.resolve(CertDir.CA_KEY), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        Rotation.Result r = rotate(T0.plus(Duration.ofDays(1)));
        assertThat(r.plan().actions()).singleElement().isInstanceOf(RotationPlan.CreateCa.class);
        assertThat(Files.readAllBytes(dir.resolve(CertDir.TLS_CERT))).isEqualTo(cert); // still served
        assertThat(CertDir.read(dir).caBundle()).hasSize(2);
    }

    /**
     * A reader re-reading the directory while rotations replace the pair again and again: every read either
     * succeeds with a matching pair or fails only because the key is one step ahead of the certificate (the
     * documented window); never a parse error from a half-written file.
     */
    @Test
    void aReaderNeverSeesAHalfWrittenFile() throws Exception {
        rotate(T0);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger good = new AtomicInteger();
        List<String> bad = new ArrayList<>();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                try {
                    CertDir.Bundle b = CertDir.read(dir);
                    assertThat(KeyMatch.matches(b.key(), b.certificate().getPublicKey())).isTrue();
                    good.incrementAndGet();
                } catch (IOException e) {
                    if (!e.getMessage().contains("does not belong to")) {
                        synchronized (bad) {
                            bad.add(e.getMessage());
                        }
                    }
                }
            }
        });
        reader.start();
        Instant t = T0;
        for (int i = 0; i < 40; i++) {
            t = t.plus(Duration.ofDays(61)); // every run renews
            rotate(t);
        }
        stop.set(true);
        reader.join();
        assertThat(bad).isEmpty();
        assertThat(good.get()).isPositive();
    }

    @Test
    void aDirectoryThatCannotBeCreatedGivesAClearError() throws Exception {
        Path file = dir.resolve("not-a-dir");
        Files.writeString(file, "x"); // works as root too, unlike a permission test
        assertThatThrownBy(() -> Rotation.run(CertDir.store(file.resolve("certs")), REQUEST, RotationPolicy.defaults(),
                Clock.fixed(T0, ZoneOffset.UTC))).isInstanceOf(IOException.class)
                .hasMessageContaining(file.resolve("certs").toString()).hasMessageContaining("cannot");
    }

    @Test
    void mirrorWritesWhatAServerNeedsAndNoCaKey() throws Exception {
        rotate(T0);
        CertState s = CertDir.store(dir).read().state();
        Path served = dir.resolve("served");
        CertDir.mirror(served, s);
        assertThat(CertDir.read(served).certificate()).isEqualTo(s.serving().orElseThrow().certificate());
        assertThat(Files.exists(served.resolve(CertDir.CA_KEY))).isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(served.resolve(CertDir.TLS_KEY))))
                .isEqualTo("rw-------");
        assertThat(new String(Files.readAllBytes(served.resolve(CertDir.CA_CERT)), StandardCharsets.US_ASCII))
                .startsWith("-----BEGIN CERTIFICATE-----");
    }

    private String mode(String name) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name)));
    }
}
