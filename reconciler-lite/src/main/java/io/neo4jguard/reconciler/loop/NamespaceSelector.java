package io.neo4jguard.reconciler.loop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A label selector in kubectl's string syntax ({@code env=prod,team in (graph,search),!legacy}) matched against
 * a namespace's labels: the {@code --namespace-selector} of {@code neo4j-guard reconcile}. All requirements
 * must hold (comma = AND), as in {@code kubectl get -l}. Supported: {@code k=v}, {@code k==v}, {@code k!=v},
 * {@code k in (a,b)}, {@code k notin (a,b)}, {@code k} (exists), {@code !k} (does not exist).
 */
public final class NamespaceSelector {
    private static final Pattern SET = Pattern.compile("\\s*([^\\s!=,()]+)\\s+(in|notin)\\s*\\(([^)]*)\\)\\s*");
    private static final Pattern EQ = Pattern.compile("\\s*([^\\s!=,()]+)\\s*(==|=|!=)\\s*([^\\s!=,()]*)\\s*");
    private static final Pattern EXISTS = Pattern.compile("\\s*(!?)\\s*([^\\s!=,()]+)\\s*");

    private final String text;
    private final List<Predicate<Map<String, String>>> requirements;

    private NamespaceSelector(String text, List<Predicate<Map<String, String>>> requirements) {
        this.text = text;
        this.requirements = requirements;
    }

    /** @throws IllegalArgumentException naming the part it cannot read */
    public static NamespaceSelector parse(String text) {
        List<Predicate<Map<String, String>>> reqs = new ArrayList<>();
        for (String part : split(text)) {
            Matcher m;
            if ((m = SET.matcher(part)).matches()) {
                String key = m.group(1);
                Set<String> values = Arrays.stream(m.group(3).split(",")).map(String::trim)
                        .filter(v -> !v.isEmpty()).collect(Collectors.toSet());
                boolean in = m.group(2).equals("in");
                reqs.add(l -> in == (l.containsKey(key) && values.contains(l.get(key))));
            } else if ((m = EQ.matcher(part)).matches()) {
                String key = m.group(1);
                String value = m.group(3);
                boolean equal = !m.group(2).equals("!=");
                reqs.add(l -> equal == value.equals(l.get(key)));
            } else if ((m = EXISTS.matcher(part)).matches()) {
                String key = m.group(2);
                boolean present = m.group(1).isEmpty();
                reqs.add(l -> present == l.containsKey(key));
            } else {
                throw new IllegalArgumentException("cannot read '" + part.trim() + "' in the label selector '" + text
                        + "' (expected key=value, key!=value, key in (a,b), key notin (a,b), key or !key)");
            }
        }
        if (reqs.isEmpty()) {
            throw new IllegalArgumentException("empty label selector");
        }
        return new NamespaceSelector(text, List.copyOf(reqs));
    }

    public boolean matches(Map<String, String> labels) {
        Map<String, String> l = labels == null ? Map.of() : labels;
        return requirements.stream().allMatch(r -> r.test(l));
    }

    /** Commas separate requirements, except inside the parentheses of {@code in}/{@code notin}. */
    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts.stream().filter(p -> !p.isBlank()).toList();
    }

    @Override
    public String toString() {
        return text;
    }
}
