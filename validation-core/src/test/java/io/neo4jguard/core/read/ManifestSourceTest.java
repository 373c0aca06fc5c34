package io.neo4jguard.core.read;

import io.neo4jguard.core.api.Location;
import io.neo4jguard.core.api.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestSourceTest {
    @TempDir
    Path dir;

    private static ManifestSource source(String stdin) {
        return new ManifestSource(new ManifestParser(), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    }

    private Path write(String relative, String text) throws IOException {
        return write(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String relative, byte[] bytes) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.write(p, bytes);
    }

    private static String object(String kind) {
        return "apiVersion: v1\nkind: " + kind + "\nmetadata: {name: " + kind.toLowerCase() + "}\n";
    }

    @Test
    void readsDirectoriesRecursivelyInNameOrderSkippingHiddenAndOtherFiles() throws IOException {
        write("b.yaml", object("B"));
        write("a.yml", object("A"));
        write("c.json", "{\"apiVersion\": \"v1\", \"kind\": \"C\"}");
        write("sub/d.YAML", object("D"));
        write("sub/deeper/e.yaml", object("E"));
        write("z-sub/f.yaml", object("F"));
        write(".git/config.yaml", object("Hidden"));
        write(".github/workflows/ci.yaml", "on: push\n");
        write("sub/.hidden.yaml", object("HiddenFile"));
        write("README.md", "# not a manifest");
        write("values.txt", object("Txt"));
        ManifestSource.Result r = source("").read(List.of(dir.toString()));
        assertThat(r.errors()).isEmpty();
        assertThat(r.ok()).isTrue();
        assertThat(r.resources()).extracting(Resource::kind).containsExactly("A", "B", "C", "D", "E", "F");
        assertThat(r.files()).isEqualTo(6);
        assertThat(r.resources().get(3).file()).isEqualTo(dir.resolve("sub/d.YAML").toString());
    }

    @Test
    void aFileNamedDirectlyIsReadWhateverItsExtension() throws IOException {
        Path txt = write("values.txt", object("Txt"));
        ManifestSource.Result r = source("").read(List.of(txt.toString()));
        assertThat(r.resources()).extracting(Resource::kind).containsExactly("Txt");
        assertThat(r.resources().get(0).file()).isEqualTo(txt.toString());
    }

    @Test
    void stdinIsTheDash() {
        ManifestSource.Result r = source(object("FromStdin")).read(List.of("-"));
        assertThat(r.resources()).extracting(Resource::kind).containsExactly("FromStdin");
        assertThat(r.resources().get(0).file()).isEqualTo("-");
        assertThat(r.resources().get(0).locate("kind")).isEqualTo(new Location("-", 2, 1));
        assertThat(r.files()).isEqualTo(1);
    }

    @Test
    void operandsKeepTheirOrderAndDuplicatesAreReadOnce() throws IOException {
        Path b = write("b.yaml", object("B"));
        write("a.yaml", object("A"));
        ManifestSource.Result r = source(object("S")).read(List.of(b.toString(), "-", dir.toString(), "-"));
        assertThat(r.resources()).extracting(Resource::kind).containsExactly("B", "S", "A");
        assertThat(r.files()).isEqualTo(3);
    }

    @Test
    void everyBadFileIsReportedAndTheOthersAreStillRead() throws IOException {
        write("1-good.yaml", object("Good"));
        write("2-dup.yaml", "a: 1\na: 2\n");
        write("3-latin1.yaml", "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        write("4-binary.yaml", new byte[] {'a', ':', ' ', 0, 1, 2});
        write("5-tabs.yaml", "a:\n\tb: 1\n");
        write("6-good.json", "{\n\t\"kind\": \"Json\"\n}\n");
        ManifestSource.Result r = source("").read(List.of(dir.toString(), dir.resolve("missing.yaml").toString()));
        assertThat(r.resources()).extracting(Resource::kind).containsExactly("Good", "Json");
        assertThat(r.files()).isEqualTo(7);
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).extracting(ReadException::describe).satisfiesExactly(
                e -> assertThat(e).startsWith(dir.resolve("2-dup.yaml") + ":2:1: duplicate key 'a'"),
                e -> assertThat(e).startsWith(dir.resolve("3-latin1.yaml") + ":1:10: not UTF-8 text: invalid byte 0xE9"),
                e -> assertThat(e).startsWith(dir.resolve("4-binary.yaml") + ":1:4: binary file"),
                e -> assertThat(e).startsWith(dir.resolve("5-tabs.yaml") + ":2:").contains("invalid YAML"),
                e -> assertThat(e).isEqualTo(dir.resolve("missing.yaml") + ": no such file or directory"));
    }

    @Test
    void filesParsedInParallelMergeInReadingOrder() throws IOException {
        // Enough files (of uneven size, so the reading threads finish out of order) that the merge, not the
        // luck of scheduling, decides the order; every seventh is broken, and operands mix stdin and a
        // missing file in between, each of which must keep its place among the errors.
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String name = String.format("d%d/f%03d.yaml", i % 3, i);
            if (i % 7 == 0) {
                write(name, "kind: [unclosed\n");
            } else {
                write(name, (object("K" + i) + "---\n").repeat(1 + (i * 37) % 40));
            }
        }
        for (int d = 0; d < 3; d++) {
            for (int i = d; i < 120; i += 3) {
                if (i % 7 != 0) {
                    for (int k = 0; k < 1 + (i * 37) % 40; k++) {
                        kinds.add("K" + i);
                    }
                }
            }
        }
        kinds.add("Stdin");
        ManifestSource.Result r = source(object("Stdin")).read(List.of(dir.resolve("d0").toString(),
                dir.resolve("d1").toString(), "missing.yaml", dir.resolve("d2").toString(), "-"));
        assertThat(r.resources()).extracting(Resource::kind).containsExactlyElementsOf(kinds);
        List<String> errorFiles = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            if (d == 2) {
                errorFiles.add("missing.yaml");
            }
            for (int i = d; i < 120; i += 3) {
                if (i % 7 == 0) {
                    errorFiles.add(dir.resolve(String.format("d%d/f%03d.yaml", d, i)).toString());
                }
            }
        }
        assertThat(r.errors()).extracting(e -> e.location().file()).containsExactlyElementsOf(errorFiles);
        assertThat(r.files()).isEqualTo(122);
    }

    @Test
    void utf16WithAByteOrderMarkIsText() throws IOException {
        byte[] text = object("Utf16").getBytes(StandardCharsets.UTF_16); // big-endian with BOM
        Path p = write("u.yaml", text);
        assertThat(source("").read(List.of(p.toString())).resources()).extracting(Resource::kind)
                .containsExactly("Utf16");
        byte[] bom8 = ("\uFEFF" + object("Utf8Bom")).getBytes(StandardCharsets.UTF_8);
        assertThat(source("").read(List.of(write("b.yaml", bom8).toString())).resources()).extracting(Resource::kind)
                .containsExactly("Utf8Bom");
    }

    @Test
    void helmTemplateOutputOnStdinKeepsTemplates() {
        ManifestSource.Result r = source("""
                ---
                # Source: neo4j/templates/a.yaml
                apiVersion: v1
                kind: A
                ---
                # Source: neo4j/templates/b.yaml
                apiVersion: v1
                kind: B
                """).read(List.of("-"));
        assertThat(r.resources()).hasSize(2);
        assertThat(r.template(r.resources().get(0))).contains("neo4j/templates/a.yaml");
        assertThat(r.template(r.resources().get(1))).contains("neo4j/templates/b.yaml");
    }

    @Test
    void symlinkLoopsDoNotHang() throws IOException {
        write("sub/a.yaml", object("A"));
        try {
            Files.createSymbolicLink(dir.resolve("sub/loop"), dir);
        } catch (UnsupportedOperationException | IOException e) {
            return; // no symlinks on this file system
        }
        ManifestSource.Result r = source("").read(List.of(dir.toString()));
        assertThat(r.resources()).extracting(Resource::kind).containsExactly("A");
    }

    @Test
    void emptyInputsReadNothing() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        ManifestSource.Result r = source("").read(List.of(dir.resolve("empty").toString(), "-"));
        assertThat(r.resources()).isEmpty();
        assertThat(r.errors()).isEmpty();
        assertThat(r.files()).isEqualTo(1);
        assertThat(source("").read(List.of()).files()).isZero();
    }

    @Test
    void invalidPathIsAnError() {
        ManifestSource.Result r = source("").read(List.of("bad\u0000name"));
        assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.getMessage()).contains("not a valid path"));
    }
}
