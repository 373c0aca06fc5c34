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
                run.errors.add(new ReadException(new Location(operand, 0, 0), "not a valid path: " + e.getReason()));
                continue;
            }
            if (Files.isDirectory(path)) {
                run.walk(path, shown, new HashSet<>());
            } else if (Files.exists(path)) {
                run.readFile(path, shown);
            } else {
                run.files++;
                run.errors.add(new ReadException(new Location(operand, 0, 0), "no such file or directory"));
            }
        }
        return new Result(run.resources, run.errors, run.files, run.templates, run.texts);
    }

    /** Whether a file found in a directory is a manifest by its name. */
    static boolean isManifestName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json"));
    }

    private final class Run {
        final List<Resource> resources = new ArrayList<>();
        final List<ReadException> errors = new ArrayList<>();
        final Map<Resource, String> templates = new IdentityHashMap<>();
        final Map<String, String> texts = new LinkedHashMap<>();
        final Set<String> seen = new HashSet<>();
        int files;

        void walk(Path dir, Path shown, Set<Path> ancestors) {
            Path real;
            try {
                real = dir.toRealPath();
            } catch (IOException e) {
                files++;
                errors.add(new ReadException(new Location(dir.toString(), 0, 0), "cannot read directory: "
                        + reason(e)));
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
                errors.add(new ReadException(new Location(dir.toString(), 0, 0), "cannot read directory: "
                        + reason(e)));
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
            String name = shown.toString();
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
            // Read through a stream, bounded: a named operand may be a pipe (kubectl -f <(helm template ...)).
            try (InputStream in = Files.newInputStream(path)) {
                parse(name, readBounded(name, in));
            } catch (ReadException e) {
                errors.add(e);
            } catch (NoSuchFileException e) {
                errors.add(new ReadException(new Location(name, 0, 0), "no such file or directory"));
            } catch (IOException | RuntimeException e) {
                errors.add(new ReadException(new Location(name, 0, 0), "cannot read: " + reason(e)));
            }
        }

        void readStdin() {
            files++;
            try {
                parse(STDIN, readBounded(STDIN, stdin));
            } catch (ReadException e) {
                errors.add(e);
            } catch (IOException | RuntimeException e) {
                errors.add(new ReadException(new Location(STDIN, 0, 0), "cannot read stdin: " + reason(e)));
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

        private void parse(String name, byte[] bytes) throws ReadException {
            String text = ManifestText.decode(name, bytes);
            ManifestFile file = parser.parseFile(name, text);
            resources.addAll(file.resources());
            templates.putAll(file.templates());
            if (keepTexts) {
                texts.put(name, text);
            }
        }

        private String reason(Exception e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }
}
