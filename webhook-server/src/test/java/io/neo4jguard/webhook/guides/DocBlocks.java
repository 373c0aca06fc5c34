package io.neo4jguard.webhook.guides;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The fenced code blocks of a Markdown guide, by info string (```sh, ```yaml, ...), in document order. */
final class DocBlocks {
    private DocBlocks() {
    }

    /** The repository's {@code docs/NAME}, found from the working directory up. */
    static Path doc(String name) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("docs").resolve(name);
            if (Files.isRegularFile(f) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return f;
            }
        }
        throw new IllegalStateException("no docs/" + name + " above " + Path.of("").toAbsolutePath());
    }

    static List<String> blocks(Path markdown, String info) throws IOException {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        for (String line : Files.readAllLines(markdown)) {
            if (current == null && line.equals("```" + info)) {
                current = new StringBuilder();
            } else if (current != null && line.equals("```")) {
                blocks.add(current.toString());
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        if (current != null) {
            throw new IllegalStateException(markdown + ": a ```" + info + " block is not closed");
        }
        return blocks;
    }
}
