package io.neo4jguard.core.architecture;

import io.neo4jguard.core.testkit.RepositoryRoot;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The allowed arrows of docs/architecture.md, checked on the sources: every module's {@code src/main/java}
 * is read by relative path from the repository root (a module that does not exist yet is skipped), so this
 * test needs none of the other modules on its class path, which validation-core, the bottom module, must
 * not have. It reads what the compiler reads: import lines and fully qualified names in code (comments and
 * string literals removed), so a {@code {@link}} in a comment is no arrow, but an inline qualified name is.
 */
class ModuleArrowsTest {

    /** Module directory to the root package of its main code. Longest prefix wins (kube-testenv over kube). */
    static final Map<String, String> MODULES = Map.of(
            "validation-core", "io.neo4jguard.core",
            "certs", "io.neo4jguard.certs",
            "kube", "io.neo4jguard.kube",
            "kube-testenv", "io.neo4jguard.kube.testenv",
            "reconciler-lite", "io.neo4jguard.reconciler",
            "webhook-server", "io.neo4jguard.webhook");

    /** The modules each module may use (docs/architecture.md); its own packages are always allowed. */
    static final Map<String, Set<String>> ALLOWED = Map.of(
            "validation-core", Set.of(),
            "kube", Set.of("validation-core"),
            "certs", Set.of(),
            // The test environment registers our webhooks and CRDs and mints certificates; others use it in test scope.
            "kube-testenv", Set.of("validation-core", "certs"),
            "reconciler-lite", Set.of("validation-core", "kube"),
            // kube-testenv: `neo4j-guard playground` (…webhook.playground only) runs its API server for users.
            "webhook-server", Set.of("validation-core", "certs", "kube", "reconciler-lite", "kube-testenv"));

    /** Core's lower layers: they must not reach up to what is built on them. */
    static final Set<String> CORE_LOWER = Set.of("api", "tree", "engine", "server", "backup");
    static final Set<String> CORE_UPPER = Set.of("policy", "rules", "cli", "report");

    private static final Pattern QUALIFIED = Pattern.compile("\\b(io\\.neo4jguard(?:\\.[a-z][a-z0-9]*)+(?:\\.[A-Z]\\w*)?)");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);

    private static final Path ROOT = RepositoryRoot.get();

    @Test
    void everyModuleUsesOnlyTheModulesBelowIt() {
        List<String> wrong = new ArrayList<>();
        for (String module : present()) {
            for (Source s : sources(module)) {
                for (String ref : s.references()) {
                    String target = moduleOf(ref);
                    if (target == null || target.equals(module) || ALLOWED.get(module).contains(target)) {
                        continue;
                    }
                    wrong.add(s.relative() + ": " + module + " -> " + ref + " (" + module + " may use "
                            + ALLOWED.get(module) + ")");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void coreLowerLayersDoNotReachUp() {
        List<String> wrong = new ArrayList<>();
        for (Source s : sources("validation-core")) {
            String layer = coreLayer(s.pkg());
            if (!CORE_LOWER.contains(layer)) {
                continue;
            }
            for (String ref : s.references()) {
                if (ref.startsWith("io.neo4jguard.core.") && CORE_UPPER.contains(coreLayer(ref))) {
                    wrong.add(s.relative() + ": core." + layer + " -> " + ref);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void desiredStateBuildersTalkToNoCluster() {
        List<String> wrong = new ArrayList<>();
        for (Source s : present().contains("reconciler-lite") ? sources("reconciler-lite") : List.<Source>of()) {
            if (!s.pkg().startsWith("io.neo4jguard.reconciler.desired")) {
                continue;
            }
            if (s.code().contains("io.fabric8.kubernetes.client")) {
                wrong.add(s.relative() + ": uses the fabric8 client");
            }
            s.references().stream().filter(r -> r.startsWith("io.neo4jguard.reconciler.apply"))
                    .forEach(r -> wrong.add(s.relative() + ": -> " + r));
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theRulesSeeWhatTheyAreMeantToSee() {
        // The checks above must be able to fail: this file's own module reads, and a planted arrow is found.
        Source planted = new Source(Path.of("X.java"), "io.neo4jguard.core.engine",
                "package io.neo4jguard.core.engine;\nimport io.neo4jguard.core.policy.Policy;\n"
                        + "// io.neo4jguard.webhook.Comment is no arrow\nclass X { String s = \"io.neo4jguard.kube.Str\"; "
                        + "Object o = io.neo4jguard.certs.Certs.class; }");
        assertThat(planted.references()).containsExactlyInAnyOrder("io.neo4jguard.core.policy.Policy",
                "io.neo4jguard.certs.Certs");
        assertThat(moduleOf("io.neo4jguard.kube.testenv.KubeTestEnv")).isEqualTo("kube-testenv");
        assertThat(moduleOf("io.neo4jguard.kube.Clients")).isEqualTo("kube");
        assertThat(sources("validation-core")).hasSizeGreaterThan(200);
    }

    /** The modules of {@link #MODULES} whose directory exists in this checkout. */
    static Set<String> present() {
        Set<String> out = new TreeSet<>();
        MODULES.keySet().stream().filter(m -> Files.isDirectory(ROOT.resolve(m).resolve("src/main/java")))
                .forEach(out::add);
        return out;
    }

    static String moduleOf(String qualified) {
        String best = null;
        for (Map.Entry<String, String> e : MODULES.entrySet()) {
            String p = e.getValue();
            if ((qualified.equals(p) || qualified.startsWith(p + "."))
                    && (best == null || p.length() > MODULES.get(best).length())) {
                best = e.getKey();
            }
        }
        return best;
    }

    /** {@code engine} for {@code io.neo4jguard.core.engine.Engine}; "" for the root package. */
    static String coreLayer(String qualified) {
        String rest = qualified.startsWith("io.neo4jguard.core.") ? qualified.substring(19) : "";
        int dot = rest.indexOf('.');
        String first = dot < 0 ? rest : rest.substring(0, dot);
        return first.isEmpty() || Character.isUpperCase(first.charAt(0)) ? "" : first;
    }

    static List<Source> sources(String module) {
        Path dir = ROOT.resolve(module).resolve("src/main/java");
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).map(Source::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Source(Path file, String pkg, String text) {
        static Source read(Path file) {
            try {
                String text = Files.readString(file);
                Matcher m = PACKAGE.matcher(text);
                return new Source(file, m.find() ? m.group(1) : "", text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return relative();
        }

        String relative() {
            return file.isAbsolute() ? ROOT.relativize(file).toString() : file.toString();
        }

        /** The text without comments, text blocks and string literals: what the compiler resolves. */
        String code() {
            String t = text.replaceAll("(?s)\"\"\".*?\"\"\"", "\"\"");
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < t.length()) {
                char c = t.charAt(i);
                if (c == '/' && i + 1 < t.length() && t.charAt(i + 1) == '/') {
                    while (i < t.length() && t.charAt(i) != '\n') {
                        i++;
                    }
                } else if (c == '/' && i + 1 < t.length() && t.charAt(i + 1) == '*') {
                    int end = t.indexOf("*/", i + 2);
                    i = end < 0 ? t.length() : end + 2;
                } else if (c == '"' || c == '\'') {
                    int j = i + 1;
                    while (j < t.length() && t.charAt(j) != c && t.charAt(j) != '\n') {
                        j += t.charAt(j) == '\\' ? 2 : 1;
                    }
                    out.append(c).append(c);
                    i = j + 1;
                } else {
                    out.append(c);
                    i++;
                }
            }
            return out.toString();
        }

        /** Every qualified name of ours in the code, except this file's own package declaration. */
        Set<String> references() {
            Set<String> out = new TreeSet<>();
            String code = code();
            Matcher m = QUALIFIED.matcher(code);
            while (m.find()) {
                String ref = m.group(1);
                if (!code.startsWith("package " + ref + ";", Math.max(0, m.start() - 8))) {
                    out.add(ref);
                }
            }
            return out;
        }
    }
}
