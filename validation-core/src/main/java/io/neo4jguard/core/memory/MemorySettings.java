package io.neo4jguard.core.memory;

import com.fasterxml.jackson.databind.node.TextNode;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.PatchOperation;
import io.neo4jguard.core.settings.ConfigEntry;
import io.neo4jguard.core.settings.ConfigSources;
import io.neo4jguard.core.settings.SettingNames;
import io.neo4jguard.core.tree.Node;
import io.neo4jguard.core.units.Neo4jSize;
import io.neo4jguard.core.units.Parsed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The memory a Neo4j server will really use, read from every place that can set it, with Neo4j's own
 * precedence (Neo4j's launcher, BootloaderOsAbstraction; its setting migrators; the
 * official image's entrypoint, https://neo4j.com/docs/operations-manual/current/docker/configuration/):
 * <ol>
 *   <li>env {@code JAVA_OPTS}: used verbatim as the JVM options; every heap setting below is ignored, and
 *       without {@code -Xmx} the JVM's default applies (25 % of the container limit, MaxRAMPercentage);</li>
 *   <li>env {@code HEAP_SIZE}: both {@code -Xms} and {@code -Xmx};</li>
 *   <li>{@code server.memory.heap.max_size} / {@code initial_size}, emitted after {@code server.jvm.additional},
 *       so they beat an {@code -Xmx}/{@code -Xms} there (the last flag wins in HotSpot);</li>
 *   <li>{@code -Xmx}/{@code -Xms} in {@code server.jvm.additional}.</li>
 * </ol>
 * A setting can be written in {@code spec.config} or as a {@code NEO4J_*} env var; the image's entrypoint
 * replaces the neo4j.conf line with the env value, so env wins. A legacy name ({@code dbms.memory.heap.max_size})
 * counts when the new name is absent: Neo4j migrates it and the new name wins. {@code spec.propertySharding.config}
 * does not count: the operator drops memory keys from it (the reference operator,
 * github.com/priyolahiri/neo4j-kubernetes-operator).
 * Unreadable values become {@link Note}s (the memory rules report them); nothing here throws.
 *
 * <p>Besides the sizes it records which pools the user <em>wrote</em> at all, readable or not
 * ({@link #heapWritten()}, {@link #pageCacheWritten()}): defaulting must not add a pool the user set in a
 * form it cannot read, nor the new name of a setting the user wrote under its legacy name (the new name
 * would win over the user's value).
 */
public final class MemorySettings {
    public static final String HEAP_MAX = "server.memory.heap.max_size";
    public static final String HEAP_INITIAL = "server.memory.heap.initial_size";
    public static final String PAGE_CACHE = "server.memory.pagecache.size";
    public static final String TX_TOTAL = "dbms.memory.transaction.total.max";
    public static final String DB_TX_TOTAL = "db.memory.transaction.total.max";
    public static final String DB_TX_MAX = "db.memory.transaction.max";
    public static final String OFF_HEAP_TX = "server.memory.off_heap.transaction_max_size";
    public static final String TX_STATE = "db.tx_state.memory_allocation";
    public static final String JVM_ADDITIONAL = "server.jvm.additional";

    private static final long MIB = 1024L * 1024;
    /**
     * 5.x default of server.memory.off_heap.transaction_max_size
     * (https://neo4j.com/docs/operations-manual/current/configuration/configuration-settings/).
     */
    static final long OFF_HEAP_TX_DEFAULT = 2048 * MIB;
    /** The JVM's MaxRAMPercentage default: 25 % of the container limit (java -XX:+PrintFlagsFinal on JDK 17). */
    static final double JVM_DEFAULT_HEAP_FRACTION = 0.25;

    /** Byte-size settings; their lower bounds other than 0 are in the settings reference
     * ("&gt;= 10 MiB or 0", https://neo4j.com/docs/operations-manual/current/configuration/configuration-settings/). */
    private static final List<String> SIZE_SETTINGS = List.of(HEAP_MAX, HEAP_INITIAL, PAGE_CACHE, TX_TOTAL,
            DB_TX_TOTAL, DB_TX_MAX, OFF_HEAP_TX);

    private static long minimumOtherThanZero(String setting) {
        return switch (setting) {
            case TX_TOTAL, DB_TX_TOTAL -> 10 * MIB;
            case DB_TX_MAX -> MIB;
            default -> 0;
        };
    }

    /**
     * One memory pool.
     *
     * @param bytes the size
     * @param label how a message names its source: a setting, {@code HEAP_SIZE}, {@code JAVA_OPTS -Xmx}
     * @param path  the field it was read from
     * @param shown the text as written ({@code 4g}, {@code -Xmx4g})
     */
    public record Pool(long bytes, String label, String path, String shown) {
    }

    /**
     * A problem found while reading, for the memory rules to report (they map {@link Kind} to a rule).
     *
     * @param fix a JSON Patch that repairs it, empty when there is none
     */
    public record Note(Kind kind, String path, String message, String hint, List<PatchOperation> fix) {
        public enum Kind {
            /** A size Neo4j or the JVM refuses. */
            INVALID_SIZE,
            /** A Kubernetes unit ({@code Gi}) where Neo4j or the JVM wants its own. */
            KUBERNETES_UNIT,
            /** {@code JAVA_OPTS} is set and replaces Neo4j's JVM options. */
            JAVA_OPTS,
            /** A value that something with higher precedence overrides. */
            OVERRIDDEN
        }
    }

    private Pool heapMax;
    private Pool heapInitial;
    private Pool pageCache;
    private Pool offHeapTx;
    private Pool txTotal;
    private boolean heapMaxIsJvmDefault;
    private boolean heapMaxWritten;
    private boolean heapInitialWritten;
    private boolean pageCacheWritten;
    private boolean javaOptsSet;
    private final List<Note> notes = new ArrayList<>();

    private MemorySettings() {
    }

    public Optional<Pool> heapMax() {
        return Optional.ofNullable(heapMax);
    }

    public Optional<Pool> heapInitial() {
        return Optional.ofNullable(heapInitial);
    }

    public Optional<Pool> pageCache() {
        return Optional.ofNullable(pageCache);
    }

    /** 5.x off-heap transaction state, counted only when {@code db.tx_state.memory_allocation=OFF_HEAP}. */
    public Optional<Pool> offHeapTx() {
        return Optional.ofNullable(offHeapTx);
    }

    public Optional<Pool> txTotal() {
        return Optional.ofNullable(txTotal);
    }

    /** True when the max heap is the JVM's default (JAVA_OPTS without -Xmx), not a value anyone wrote. */
    public boolean heapMaxIsJvmDefault() {
        return heapMaxIsJvmDefault;
    }

    public List<Note> notes() {
        return notes;
    }

    /**
     * The user decides the max heap: {@code JAVA_OPTS} or {@code HEAP_SIZE} is set, or the max heap is written
     * under its name, its legacy name, as a {@code NEO4J_*} env var or as {@code -Xmx} in
     * {@code server.jvm.additional}, readable or not.
     */
    public boolean heapMaxWritten() {
        return heapMaxWritten;
    }

    /** As {@link #heapMaxWritten()} for the initial heap ({@code -Xms}). */
    public boolean heapInitialWritten() {
        return heapInitialWritten;
    }

    /** The page cache is written under its name, its legacy name or as a {@code NEO4J_*} env var, readable or not. */
    public boolean pageCacheWritten() {
        return pageCacheWritten;
    }

    /** Env {@code JAVA_OPTS} is set: the launcher ignores every heap setting (BootloaderOsAbstraction). */
    public boolean javaOptsSet() {
        return javaOptsSet;
    }

    /**
     * @param spec           the cluster or standalone spec
     * @param containerLimit the container memory limit in bytes, when one is set (the JVM sizes its default
     *                       heap from it; a request does not bound the container, so it does not count)
     * @param fiveX          the image is a 5.x version (off-heap transaction state exists only there)
     */
    public static MemorySettings read(Node spec, OptionalLong containerLimit, boolean fiveX) {
        MemorySettings s = new MemorySettings();
        s.readAll(spec, containerLimit, fiveX);
        return s;
    }

    private void readAll(Node spec, OptionalLong containerLimit, boolean fiveX) {
        List<ConfigEntry> entries = ConfigSources.configAndEnv(spec);
        for (ConfigEntry e : entries) {
            String name = SettingNames.canonical(e.setting().strip());
            if (SIZE_SETTINGS.contains(name) && !(name.equals(OFF_HEAP_TX) && !fiveX)) {
                neo4jSize(e, name);
            }
        }
        reportShadowedByEnv(entries);

        Optional<ConfigEntry> maxEntry = effective(entries, HEAP_MAX);
        Optional<ConfigEntry> initialEntry = effective(entries, HEAP_INITIAL);
        Optional<Pool> maxSetting = maxEntry.flatMap(MemorySettings::pool);
        Optional<Pool> initialSetting = initialEntry.flatMap(MemorySettings::pool);

        Node env = spec.get("env");
        Optional<Node> javaOpts = envVar(env, "JAVA_OPTS");
        Optional<Node> heapSize = envVar(env, "HEAP_SIZE");
        JvmHeap additional = jvmAdditional(entries);
        javaOptsSet = javaOpts.isPresent();
        heapMaxWritten = javaOptsSet || heapSize.isPresent() || maxEntry.isPresent() || additional.maxWritten;
        heapInitialWritten = javaOptsSet || heapSize.isPresent() || initialEntry.isPresent()
                || additional.initialWritten;
        pageCacheWritten = effective(entries, PAGE_CACHE).isPresent();

        if (javaOpts.isPresent()) {
            readJavaOpts(javaOpts.get(), containerLimit, maxEntry, initialEntry, heapSize, additional);
        } else if (heapSize.isPresent()) {
            readHeapSize(heapSize.get(), maxEntry, initialEntry, additional);
        } else {
            heapMax = maxSetting.orElse(additional.max);
            heapInitial = initialSetting.orElse(additional.initial);
            if (maxSetting.isPresent() && additional.max != null) {
                Pool x = additional.max;
                overridden(x.path(), x.shown(), x.label() + " is ignored: " + HEAP_MAX + " is emitted after "
                        + JVM_ADDITIONAL + " and the last -Xmx wins", "remove -Xmx from " + JVM_ADDITIONAL
                        + " and keep " + HEAP_MAX);
            }
            if (initialSetting.isPresent() && additional.initial != null) {
                Pool x = additional.initial;
                overridden(x.path(), x.shown(), x.label() + " is ignored: " + HEAP_INITIAL + " is emitted after "
                        + JVM_ADDITIONAL + " and the last -Xms wins", "remove -Xms from " + JVM_ADDITIONAL
                        + " and keep " + HEAP_INITIAL);
            }
        }

        pageCache = effective(entries, PAGE_CACHE).flatMap(MemorySettings::pool).orElse(null);
        txTotal = effective(entries, TX_TOTAL).flatMap(MemorySettings::pool).orElse(null);
        if (fiveX) {
            Optional<ConfigEntry> state = effective(entries, TX_STATE);
            boolean offHeap = state.flatMap(ConfigEntry::value)
                    .map(v -> v.strip().toUpperCase(Locale.ROOT).equals("OFF_HEAP")).orElse(false);
            if (offHeap) {
                Optional<ConfigEntry> max = effective(entries, OFF_HEAP_TX);
                offHeapTx = max.isPresent()
                        ? pool(max.get()).orElse(null)
                        : new Pool(OFF_HEAP_TX_DEFAULT, "off-heap transaction state (default 2g)",
                        state.get().valuePath(), "OFF_HEAP");
            }
        }
    }

    private void readJavaOpts(Node var, OptionalLong containerLimit, Optional<ConfigEntry> maxEntry,
                              Optional<ConfigEntry> initialEntry, Optional<Node> heapSize, JvmHeap additional) {
        Node value = var.get("value");
        Optional<String> text = value.scalarText();
        if (text.isPresent()) {
            JvmOptions opts = JvmOptions.parse(text.get());
            heapMax = jvmPool(opts.maxHeap(), "JAVA_OPTS", value.path(), "/" + pointerOf(value), text.get())
                    .orElse(null);
            heapInitial = jvmPool(opts.initialHeap(), "JAVA_OPTS", value.path(), "/" + pointerOf(value),
                    text.get()).orElse(null);
            if (opts.maxHeap().isEmpty() && containerLimit.isPresent()) {
                double fraction = opts.maxRamFraction().orElse(JVM_DEFAULT_HEAP_FRACTION);
                heapMaxIsJvmDefault = true;
                heapMax = new Pool((long) (containerLimit.getAsLong() * fraction),
                        "JVM default: " + percent(fraction) + " of the limit, JAVA_OPTS has no -Xmx",
                        value.path(), text.get());
            }
        }
        List<String> ignored = new ArrayList<>();
        maxEntry.ifPresent(e -> ignored.add(e.describe()));
        initialEntry.ifPresent(e -> ignored.add(e.describe()));
        heapSize.ifPresent(h -> ignored.add("HEAP_SIZE"));
        if (additional.max != null || additional.initial != null) {
            ignored.add(JVM_ADDITIONAL);
        }
        notes.add(new Note(Note.Kind.JAVA_OPTS, value.present() ? value.path() : var.path(),
                Messages.invalid(text.orElse("JAVA_OPTS"), "JAVA_OPTS replaces all of Neo4j's JVM options, "
                        + "including the heap settings and -XX:+ExitOnOutOfMemoryError"
                        + (ignored.isEmpty() ? "" : "; ignored here: " + String.join(", ", ignored))),
                "remove JAVA_OPTS; set the heap with " + HEAP_MAX + " and extra JVM options with "
                        + JVM_ADDITIONAL, List.of()));
    }

    private void readHeapSize(Node var, Optional<ConfigEntry> maxEntry, Optional<ConfigEntry> initialEntry,
                              JvmHeap additional) {
        Node value = var.get("value");
        Optional<String> text = value.scalarText();
        if (text.isPresent()) {
            Optional<Pool> p = jvmSize(text.get(), "HEAP_SIZE", value.path(), "/" + pointerOf(value), text.get(),
                    text.get());
            heapMax = p.orElse(null);
            heapInitial = p.orElse(null);
        }
        for (Optional<ConfigEntry> e : List.of(maxEntry, initialEntry)) {
            e.ifPresent(c -> overridden(c.valuePath(), c.value().orElse(c.setting()), c.describe()
                    + " is ignored: env HEAP_SIZE sets both -Xms and -Xmx and takes precedence",
                    "keep one of them; " + HEAP_MAX + " is the usual place"));
        }
        if (additional.max != null) {
            Pool x = additional.max;
            overridden(x.path(), x.shown(), x.label() + " is ignored: env HEAP_SIZE takes precedence",
                    "remove -Xmx from " + JVM_ADDITIONAL);
        }
    }

    /** The -Xmx/-Xms of all server.jvm.additional lines: config first, env appended after (the
     * official image's entrypoint). */
    private JvmHeap jvmAdditional(List<ConfigEntry> entries) {
        JvmHeap h = new JvmHeap();
        List<ConfigEntry> lines = new ArrayList<>(entries.stream()
                .filter(e -> SettingNames.canonical(e.setting().strip()).equals(JVM_ADDITIONAL)).toList());
        lines.sort(Comparator.comparing(e -> e.source() == ConfigEntry.Source.ENV));
        for (ConfigEntry e : lines) {
            if (e.value().isEmpty()) {
                continue;
            }
            JvmOptions opts = JvmOptions.parse(e.value().get());
            h.maxWritten |= opts.maxHeap().isPresent();
            h.initialWritten |= opts.initialHeap().isPresent();
            String label = JVM_ADDITIONAL + (e.source() == ConfigEntry.Source.ENV ? " (env " + e.written() + ")" : "");
            String line = e.value().get();
            jvmPool(opts.maxHeap(), label, e.valuePath(), e.pointer(), line).ifPresent(p -> h.max = p);
            jvmPool(opts.initialHeap(), label, e.valuePath(), e.pointer(), line).ifPresent(p -> h.initial = p);
        }
        return h;
    }

    private static final class JvmHeap {
        Pool max;
        Pool initial;
        boolean maxWritten;
        boolean initialWritten;
    }

    private Optional<Pool> jvmPool(Optional<JvmOptions.Option> option, String source, String path, String pointer,
                                   String whole) {
        if (option.isEmpty()) {
            return Optional.empty();
        }
        JvmOptions.Option o = option.get();
        String flag = o.token().substring(0, o.token().length() - o.text().length());
        return jvmSize(o.text(), source + " " + flag, path, pointer, whole, o.token());
    }

    private Optional<Pool> jvmSize(String text, String label, String path, String pointer, String whole,
                                   String token) {
        Parsed<Long> bytes = JvmOptions.size(text);
        if (bytes.ok()) {
            return Optional.of(new Pool(bytes.value(), label, path, token));
        }
        String fix = JvmOptions.fixFromKubernetes(text);
        if (fix != null) {
            String fixed = whole.equals(token) ? fix : whole.replace(token, token.substring(0,
                    token.length() - text.length()) + fix);
            notes.add(new Note(Note.Kind.KUBERNETES_UNIT, path, Messages.invalid(whole, "Kubernetes units are "
                    + "not JVM units: the JVM refuses '" + text + "' (Invalid heap size) and Neo4j does not start"),
                    "write " + fix + " (JVM sizes: k, m, g, t; all binary)",
                    List.of(PatchOperation.replace(pointer, TextNode.valueOf(fixed)))));
        } else {
            notes.add(new Note(Note.Kind.INVALID_SIZE, path, Messages.invalid(whole, bytes.error()
                    + "; the JVM refuses it (" + label + ") and Neo4j does not start"),
                    "write a whole number with k, m or g, e.g. 4g", List.of()));
        }
        return Optional.empty();
    }

    /** Checks one byte-size setting in Neo4j's grammar, noting what Neo4j would refuse at start-up. */
    private void neo4jSize(ConfigEntry e, String name) {
        if (e.value().isEmpty()) {
            return;
        }
        String v = e.value().get();
        Parsed<Long> bytes = Neo4jSize.parse(v);
        if (!bytes.ok()) {
            String fix = Neo4jSize.fixFromKubernetes(v);
            if (fix != null) {
                notes.add(new Note(Note.Kind.KUBERNETES_UNIT, e.valuePath(), Messages.invalid(v,
                        "Kubernetes units are not Neo4j units: Neo4j refuses to start on '" + v.strip()
                                + "' for " + name), "write " + fix + " (Neo4j sizes: k, m, g, all binary; "
                        + "1g = 1Gi)", List.of(PatchOperation.replace(e.pointer(), TextNode.valueOf(fix)))));
            } else {
                notes.add(new Note(Note.Kind.INVALID_SIZE, e.valuePath(), Messages.invalid(v, bytes.error()
                        + "; Neo4j refuses to start on it"), "write a size such as 512m or 4g", List.of()));
            }
            return;
        }
        long min = minimumOtherThanZero(name);
        if (bytes.value() != 0 && bytes.value() < min) {
            notes.add(new Note(Note.Kind.INVALID_SIZE, e.valuePath(), Messages.invalid(v, name + " must be 0 "
                    + "(no limit) or at least " + Neo4jSize.format(min) + "; Neo4j refuses to start on it"),
                    "use 0 or at least " + Neo4jSize.format(min), List.of()));
        }
    }

    private static Optional<Pool> pool(ConfigEntry e) {
        String label = e.source() == ConfigEntry.Source.ENV ? "env " + e.written() : e.setting().strip();
        return e.value().map(Neo4jSize::parse).filter(p -> p.ok())
                .map(p -> new Pool(p.value(), label, e.valuePath(), e.value().get()));
    }

    /**
     * The entry Neo4j uses for a setting: the exact name before a legacy alias (Neo4j's migration keeps the new
     * name), and within one name the env var before the config entry (the entrypoint replaces the line).
     */
    public static Optional<ConfigEntry> effective(List<ConfigEntry> entries, String setting) {
        ConfigEntry best = null;
        int bestRank = Integer.MAX_VALUE;
        for (ConfigEntry e : entries) {
            String key = e.setting().strip();
            if (!SettingNames.canonical(key).equals(setting)) {
                continue;
            }
            int rank = (key.equals(setting) ? 0 : 2) + (e.source() == ConfigEntry.Source.ENV ? 0 : 1);
            if (rank <= bestRank) { // among equals the later one: Kubernetes keeps the last of duplicate env vars
                best = e;
                bestRank = rank;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A memory key both in spec.config and as an env var with a different value: the config line is dead. */
    private void reportShadowedByEnv(List<ConfigEntry> entries) {
        for (ConfigEntry c : entries) {
            if (c.source() != ConfigEntry.Source.CONFIG) {
                continue;
            }
            String key = c.setting().strip();
            String name = SettingNames.canonical(key);
            if (!SIZE_SETTINGS.contains(name)) {
                continue;
            }
            for (ConfigEntry e : entries) {
                if (e.source() == ConfigEntry.Source.ENV && e.setting().equals(key)
                        && !e.value().equals(c.value())) {
                    overridden(c.valuePath(), c.value().orElse(key), key + " is ignored: env " + e.written()
                            + " replaces the neo4j.conf "
                            + "line", "set it in one place only");
                }
            }
        }
    }

    private void overridden(String path, String value, String detail, String hint) {
        notes.add(new Note(Note.Kind.OVERRIDDEN, path, Messages.invalid(value, detail), hint, List.of()));
    }

    /** The env var of that name; the last one when it repeats, as Kubernetes does. */
    private static Optional<Node> envVar(Node env, String name) {
        Node found = null;
        for (Node item : env.items()) {
            if (item.get("name").text().map(name::equals).orElse(false)) {
                found = item;
            }
        }
        if (found == null) {
            return Optional.empty();
        }
        Optional<String> v = found.get("value").scalarText();
        if (!found.get("valueFrom").present() && v.map(String::isBlank).orElse(true)) {
            return Optional.empty(); // set but empty: the launcher treats it as unset
        }
        return Optional.of(found);
    }

    /** {@code spec.env[3].value} to {@code spec/env/3/value}. */
    private static String pointerOf(Node value) {
        return value.path().replace('.', '/').replace("[", "/").replace("]", "");
    }

    private static String percent(double fraction) {
        double p = fraction * 100;
        return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + "%";
    }
}
