package io.neo4jguard.core.cli;

import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.read.ManifestParser;
import io.neo4jguard.core.read.ReadException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the PATH arguments of {@code check}: files (any name), directories (every {@code .yaml},
 * {@code .yml} and {@code .json} below, hidden entries skipped, in sorted order) and {@code -} for
 * standard input. Collects every read or parse error instead of stopping at the first.
 */
final class ManifestInputs {
    /**
     * One manifest file is never legitimately near this: the API server refuses requests over 3 MiB,
     * and even a big {@code helm template} output is a few MiB. It bounds memory for a wrong argument
     * (a disk image, a log file), matching the parser's own 64 Mi code point bound.
     */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    static final String STDIN = "-";

    /** What was read: the objects, how many files were read, and every error as {@code file:line:col: message}. */
    record Result(List<Resource> objects, int files, List<String> errors) {
    }

    private final Path cwd;
    private final InputStream stdin;
    private final ManifestParser parser = new ManifestParser();

    ManifestInputs(Path cwd, InputStream stdin) {
        this.cwd = cwd;
        this.stdin = stdin;
    }

    Result read(List<String> args) {
        List<Resource> objects = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        // A file named twice (a.yaml and dir/ holding it) is read once: its objects would otherwise be
        // duplicates of themselves.
        Set<Path> seen = new HashSet<>();
        int files = 0;
        for (String arg : args) {
            if (arg.equals(STDIN)) {
                files++;
                try {
                    parse(STDIN, decode(STDIN, stdin.readNBytes((int) MAX_BYTES + 1)), objects);
                } catch (InputError e) {
                    errors.add(e.getMessage());
                } catch (IOException e) {
                    errors.add(STDIN + ": cannot read standard input: " + e.getMessage());
                }
                continue;
            }
            Path path;
            try {
                path = resolve(arg);
            } catch (java.nio.file.InvalidPathException e) {
                errors.add(arg + ": not a valid path: " + e.getReason());
                continue;
            }
            if (Files.isDirectory(path)) {
                List<Path> found;
                try {
                    found = walk(path);
                } catch (IOException | UncheckedIOException e) {
                    errors.add(arg + ": cannot list directory: " + message(e));
                    continue;
                }
                for (Path p : found) {
                    if (!seen.add(p.toAbsolutePath().normalize())) {
                        continue;
                    }
                    files++;
                    readFile(Path.of(arg).resolve(path.relativize(p)).toString(), p, objects, errors);
                }
            } else if (seen.add(path.toAbsolutePath().normalize())) {
                files++;
                readFile(arg, path, objects, errors);
            }
        }
        return new Result(objects, files, errors);
    }

    private void readFile(String name, Path path, List<Resource> objects, List<String> errors) {
        try {
            if (!Files.exists(path)) {
                throw new NoSuchFileException(name);
            }
            if (Files.size(path) > MAX_BYTES) {
                throw new InputError(name + ": larger than " + (MAX_BYTES >> 20) + " MiB; not a manifest file");
            }
            parse(name, decode(name, Files.readAllBytes(path)), objects);
        } catch (InputError e) {
            errors.add(e.getMessage());
        } catch (NoSuchFileException e) {
            errors.add(name + ": no such file or directory");
        } catch (IOException e) {
            errors.add(name + ": cannot read: " + message(e));
        }
    }

    private void parse(String name, String text, List<Resource> objects) throws InputError {
        try {
            objects.addAll(parser.parse(name, text));
        } catch (ReadException e) {
            throw new InputError(e.describe());
        } catch (RuntimeException | StackOverflowError e) {
            // The parser is meant to turn every bad input into a ReadException; never show a stack trace.
            throw new InputError(name + ": cannot parse: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private static String decode(String name, byte[] bytes) throws InputError {
        if (bytes.length > MAX_BYTES) {
            throw new InputError(name + ": larger than " + (MAX_BYTES >> 20) + " MiB; not a manifest file");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InputError(name + ": not UTF-8 text (Kubernetes manifests are UTF-8)");
        }
    }

    private static List<Path> walk(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !hidden(dir, p))
                    .filter(Files::isRegularFile)
                    .filter(ManifestInputs::manifestName)
                    .sorted()
                    .toList();
        }
    }

    /** {@code .git}, {@code .github}, editor backups: nothing under a dot-entry is a manifest to check. */
    private static boolean hidden(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean manifestName(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    private Path resolve(String arg) {
        Path p = Path.of(arg);
        return p.isAbsolute() ? p : cwd.resolve(p);
    }

    private static String message(Exception e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** A read error already phrased for the user. */
    static final class InputError extends Exception {
        InputError(String message) {
            super(message);
        }
    }
}
