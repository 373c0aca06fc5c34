package io.neo4jguard.core.read;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code # Source: <chart>/templates/<file>} comments {@code helm template} writes before each
 * document. A document's template is the last such comment between the end of the previous document's
 * content and the start of its own: block scalars belong to a document's content, so a
 * {@code # Source:} line inside a ConfigMap's data is never taken for one.
 */
final class HelmSources {
    private static final Pattern SOURCE = Pattern.compile("#\\s*Source:\\s*(\\S.*?)\\s*");

    private record Comment(int line, String template) {
    }

    private final List<Comment> comments = new ArrayList<>();

    HelmSources(String text) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > 7 && text.charAt(start) == '#') {
                    Matcher m = SOURCE.matcher(text.substring(start, i).stripTrailing());
                    if (m.matches()) {
                        comments.add(new Comment(line, m.group(1)));
                    }
                }
                line++;
                start = i + 1;
            }
        }
    }

    /** The template of the document whose content starts at {@code startLine}, after content ending at {@code afterLine}. */
    String template(int afterLine, int startLine) {
        String found = null;
        for (Comment c : comments) {
            if (c.line() > afterLine && c.line() < startLine) {
                found = c.template();
            }
        }
        return found;
    }

    boolean isEmpty() {
        return comments.isEmpty();
    }
}
