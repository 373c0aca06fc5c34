package io.neo4jguard.kube;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BearerTokenTest {
    @TempDir
    Path tmp;

    @Test
    void aFileTokenIsReadAgainOnceAMinuteHasPassed() throws Exception {
        Path f = tmp.resolve("token");
        Files.writeString(f, "first\n");
        AtomicLong now = new AtomicLong();
        BearerToken t = BearerToken.file(f, now::get);
        assertThat(t.getToken()).isEqualTo("first");
        Files.writeString(f, "second");
        now.addAndGet(BearerToken.FILE_REREAD.toNanos() - 1);
        assertThat(t.getToken()).as("within the minute: the cached token").isEqualTo("first");
        now.addAndGet(1);
        assertThat(t.getToken()).isEqualTo("second");
    }

    @Test
    void aVanishedFileKeepsTheLastTokenButAMissingOneFails() throws Exception {
        Path f = tmp.resolve("token");
        Files.writeString(f, "kept");
        AtomicLong now = new AtomicLong();
        BearerToken t = BearerToken.file(f, now::get);
        assertThat(t.getToken()).isEqualTo("kept");
        Files.delete(f);
        now.addAndGet(BearerToken.FILE_REREAD.toNanos());
        assertThat(t.getToken()).isEqualTo("kept");
        assertThatThrownBy(() -> BearerToken.file(tmp.resolve("absent")).getToken())
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("absent");
    }

    @Test
    void neverShowsTheTokenAndRefusesAnEmptyOne() throws Exception {
        Path f = tmp.resolve("token");
        Files.writeString(f, "s3cr3t");
        assertThat(BearerToken.of("s3cr3t").toString()).doesNotContain("s3cr3t");
        BearerToken file = BearerToken.file(f);
        assertThat(file.getToken()).isEqualTo("s3cr3t");
        assertThat(file.toString()).contains(f.toString()).doesNotContain("s3cr3t");
        assertThatThrownBy(() -> BearerToken.of(" ")).isInstanceOf(IllegalArgumentException.class);
        Files.writeString(f, "");
        assertThatThrownBy(() -> BearerToken.file(f).getToken()).hasMessageContaining("empty");
    }
}
