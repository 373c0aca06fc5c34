package io.neo4jguard.chart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A guide's commands run as a user types them: bash with {@code -eo pipefail} in a scratch directory, with the
 * environment given (PATH, KUBECONFIG, helm's homes) and none of the machine's {@code HELM_*} settings.
 */
final class GuideShell {
    /** helm install/upgrade without --wait, kubectl and a CLI JVM take seconds; five minutes is a hang. */
    private static final long MINUTES = 5;

    record Result(int exit, String output) {
    }

    private final Path dir;
    private final Map<String, String> env;

    GuideShell(Path dir, Map<String, String> env) {
        this.dir = dir;
        this.env = Map.copyOf(env);
    }

    /** The bodies of the fenced blocks whose info string is exactly {@code info}, in document order. */
    static List<String> blocks(String markdown, String info) {
        Matcher m = Pattern.compile("(?ms)^```" + Pattern.quote(info) + "\\n(.*?)^```$").matcher(markdown);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The repository's {@code docs/NAME}: the charts module is one level below the repository root. */
    static Path doc(String name) {
        return Chart.directory().getParent().getParent().resolve("docs").resolve(name);
    }

    Result run(String script) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-eo", "pipefail", "-c", script).directory(dir.toFile())
                .redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("HELM_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish within " + MINUTES + " minutes: " + script);
        }
        return new Result(p.exitValue(), out);
    }
}
