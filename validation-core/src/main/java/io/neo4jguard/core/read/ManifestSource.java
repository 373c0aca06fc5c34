package io.neo4jguard.core.read;

import io.neo4jguard.core.api.Location;
import io.neo4jguard.core.api.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Reads the manifests a CLI run names: files, directories (recursively) and {@code -} for stdin, as
 * {@code kubectl apply -f} takes them. A file named directly is read whatever its extension; in a
 * directory only {@code *.yaml}, {@code *.yml} and {@code *.json} are read, in name order (so two runs
 * see the same order), skipping hidden files and directories ({@code .git}, {@code .github},
 * editor swap files). A file named twice (directly and through its directory) is read once.
 *
 * <p>Reading never stops at a bad file: every file's problem is reported as a {@link ReadException}
 * with its file, line and column, and the other files are still read.
 */
public final class ManifestSource {
    /** The operand that stands for standard input. */
    public static final String STDIN = "-";

    /**
     * Bytes read from one file or stdin at most: four characters per code point of
     * {@link ManifestParser#MAX_CODE_POINTS} (UTF-8 never needs more).
     */
    static final long MAX_BYTES = 4L * ManifestParser.MAX_CODE_POINTS;

    /**
     * What a run read.
     *
     * @param resources the objects of every file, in operand order, then name order within directories
     * @param errors    one per file that could not be read or parsed
     * @param files     how many files (stdin counting as one) were read, readable or not
     * @param templates the Helm template per object, where its file was {@code helm template} output
     * @param texts     the decoded text of every file read without error, by name, in reading order; only
     *                  from a source made with {@link #keepingTexts()} (empty otherwise)
     */
    public record Result(List<Resource> resources, List<ReadException> errors, int files,
                         Map<Resource, String> templates, Map<String, String> texts) {
        public Result {
            resources = List.copyOf(resources);
            errors = List.copyOf(errors);
            templates = Collections.unmodifiableMap(new IdentityHashMap<>(templates));
            texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
        }

        public Result(List<Resource> resources, List<ReadException> errors, int files,
                      Map<Resource, String> templates) {
            this(resources, errors, files, templates, Map.of());
        }

        /** The Helm template the object was rendered from ({@code # Source:}), when known. */
        public Optional<String> template(Resource r) {
            return Optional.ofNullable(templates.get(r));
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private final ManifestParser parser;
    private final InputStream stdin;
    private final Path base;
    private final boolean keepTexts;

    /** Reads stdin from {@link System#in}; relative operands are relative to the working directory. */
    public ManifestSource() {
        this(new ManifestParser(), System.in, null);
    }

    public ManifestSource(ManifestParser parser, InputStream stdin) {
        this(parser, stdin, null);
    }

    /**
     * @param base the directory relative operands are resolved against (null: the process's working
     *             directory); findings still name files as the operands gave them
     */
    public ManifestSource(ManifestParser parser, InputStream stdin, Path base) {
        this(parser, stdin, base, false);
    }

    private ManifestSource(ManifestParser parser, InputStream stdin, Path base, boolean keepTexts) {
        this.parser = parser;
        this.stdin = stdin;
        this.base = base;
        this.keepTexts = keepTexts;
    }

    /**
     * The same source, also keeping every file's text in {@link Result#texts()} (for commands that rewrite
     * the files, such as {@code mutate}; {@code check} does not hold the texts in memory).
     */
    public ManifestSource keepingTexts() {
        return new ManifestSource(parser, stdin, base, true);
    }

    /** Reads every operand. Never throws for bad input: problems are in {@link Result#errors()}. */
    public Result read(List<String> operands) {
        Run run = new Run();
        for (String operand : operands) {
            if (STDIN.equals(operand)) {
                if (run.seen.add(STDIN)) {
                    run.readStdin();
                }
                continue;
            }
            Path path;
            Path shown;
            try {
                shown = Path.of(operand);
                path = base == null || shown.isAbsolute() ? shown : base.resolve(shown);
            } catch (java.nio.file.InvalidPathException e) {
                run.files++;
                run.failed(new ReadException(new Location(operand, 0, 0), "not a valid path: " + e.getReason()));
                continue;
            }
            if (Files.isDirectory(path)) {
                run.walk(path, shown, new HashSet<>());
            } else if (Files.exists(path)) {
                run.readFile(path, shown);
            } else {
                run.files++;
                run.failed(new ReadException(new Location(operand, 0, 0), "no such file or directory"));
            }
        }
        return run.finish();
    }

    /** Whether a file found in a directory is a manifest by its name. */
    static boolean isManifestName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json"));
    }

    /**
     * Reading threads: one per core. Parsing YAML is most of a run over many files (about half of a
     * 10,000-object check, more than the rules), and files parse independently; the results are merged in
     * the order a sequential reading would have produced them, so the report is the same on any machine.
     */
    private static int readers(int files) {
        return Math.min(files, Runtime.getRuntime().availableProcessors());
    }

    /** One input in reading order: a file to parse (possibly on another thread), or an outcome known already. */
    private static final class Entry {
        final String name;
        final Path path;
        Future<Parsed> parsed;

        Entry(String name, Path path) {
            this.name = name;
            this.path = path;
        }
    }

    /** What reading one input gave: its objects and text, or why it could not be read. */
    private record Parsed(ManifestFile file, String text, ReadException error) {
    }

    private final class Run {
        final List<Entry> entries = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        int files;

        /** An input that failed before it could be parsed (an operand that does not exist, a directory). */
        void failed(ReadException e) {
            Entry entry = new Entry(e.location().file(), null);
            entry.parsed = CompletableFuture.completedFuture(new Parsed(null, null, e));
            entries.add(entry);
        }

        void walk(Path dir, Path shown, Set<Path> ancestors) {
            Path real;
            try {
                real = dir.toRealPath();
            } catch (IOException e) {
                files++;
                failed(new ReadException(new Location(dir.toString(), 0, 0), "cannot read directory: " + reason(e)));
                return;
            }
            if (!ancestors.add(real)) {
                return; // a symlink loop back to a directory being walked
            }
            List<Path> entries;
            try (Stream<Path> list = Files.list(dir)) {
                entries = list.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                        .toList();
            } catch (IOException e) {
                files++;
                failed(new ReadException(new Location(dir.toString(), 0, 0), "cannot read directory: " + reason(e)));
                return;
            }
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(entry)) {
                    walk(entry, shown.resolve(name), ancestors);
                } else if (isManifestName(name) && Files.isRegularFile(entry)) {
                    readFile(entry, shown.resolve(name));
                }
            }
            ancestors.remove(real);
        }

        void readFile(Path path, Path shown) {
            String key;
            try {
                key = path.toRealPath().toString();
            } catch (IOException e) {
                key = path.toAbsolutePath().normalize().toString();
            }
            if (!seen.add(key)) {
                return;
            }
            files++;
            entries.add(new Entry(shown.toString(), path));
        }

        void readStdin() {
            files++;
            Entry entry = new Entry(STDIN, null);
            Parsed parsed;
            try {
                parsed = parse(STDIN, readBounded(STDIN, stdin));
            } catch (ReadException e) {
                parsed = new Parsed(null, null, e);
            } catch (IOException | RuntimeException e) {
                parsed = new Parsed(null, null, new ReadException(new Location(STDIN, 0, 0),
                        "cannot read stdin: " + reason(e)));
            }
            entry.parsed = CompletableFuture.completedFuture(parsed);
            entries.add(entry);
        }

        /** Parses the files found (in parallel when there are several) and merges everything in reading order. */
        Result finish() {
            List<Entry> toParse = entries.stream().filter(e -> e.parsed == null).toList();
            int threads = readers(toParse.size());
            ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "neo4j-guard-reader");
                t.setDaemon(true);
                return t;
            }) : null;
            try {
                for (Entry e : toParse) {
                    e.parsed = pool == null ? CompletableFuture.completedFuture(parseFile(e.name, e.path))
                            : pool.submit(() -> parseFile(e.name, e.path));
                }
                List<Resource> resources = new ArrayList<>();
                List<ReadException> errors = new ArrayList<>();
                Map<Resource, String> templates = new IdentityHashMap<>();
                Map<String, String> texts = new LinkedHashMap<>();
                for (Entry e : entries) {
                    Parsed p = outcome(e.parsed);
                    if (p.error() != null) {
                        errors.add(p.error());
                        continue;
                    }
                    resources.addAll(p.file().resources());
                    templates.putAll(p.file().templates());
                    if (keepTexts) {
                        texts.put(e.name, p.text());
                    }
                }
                return new Result(resources, errors, files, templates, texts);
            } finally {
                if (pool != null) {
                    pool.shutdownNow();
                }
            }
        }

        /** Reads and parses one file; never throws for bad input (on any thread). */
        private Parsed parseFile(String name, Path path) {
            // Read through a stream, bounded: a named operand may be a pipe (kubectl -f <(helm template ...)).
            try (InputStream in = Files.newInputStream(path)) {
                return parse(name, readBounded(name, in));
            } catch (ReadException e) {
                return new Parsed(null, null, e);
            } catch (NoSuchFileException e) {
                return new Parsed(null, null, new ReadException(new Location(name, 0, 0), "no such file or directory"));
            } catch (IOException | RuntimeException e) {
                return new Parsed(null, null, new ReadException(new Location(name, 0, 0), "cannot read: " + reason(e)));
            }
        }

        private byte[] readBounded(String name, InputStream in) throws IOException, ReadException {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES + 1));
            if (bytes.length > MAX_BYTES) {
                throw new ReadException(new Location(name, 0, 0), "larger than " + MAX_BYTES
                        + " bytes; no Kubernetes manifest is that large");
            }
            return bytes;
        }

        private Parsed parse(String name, byte[] bytes) throws ReadException {
            String text = ManifestText.decode(name, bytes);
            return new Parsed(parser.parseFile(name, text), keepTexts ? text : null, null);
        }

        private String reason(Exception e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    /** A parsed input's outcome; an Error thrown while parsing (out of memory) propagates as it would have. */
    private static Parsed outcome(Future<Parsed> parsed) {
        try {
            return parsed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the manifests", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
