package io.neo4jguard.certs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link CertStore} over a directory. The optimistic token is the bytes of the five files as read; a write
 * takes an exclusive lock ({@code .neo4j-guard.lock}: a file lock against other processes, a
 * {@link ReentrantLock} against other threads, which file locks do not exclude), checks the files are
 * still those bytes, and writes in the order {@link CertDir} documents.
 */
final class DirectoryStore implements CertStore {
    static final String LOCK = ".neo4j-guard.lock";
    private static final List<String> FILES =
            List.of(CertDir.CA_CERT, CertDir.CA_KEY, CertDir.TLS_CERT, CertDir.TLS_KEY, CertDir.ISSUED);
    private static final String TMP_SUFFIX = ".tmp";
    private static final Set<PosixFilePermission> SECRET = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path dir;

    DirectoryStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    @Override
    public Snapshot read() throws IOException {
        Map<String, byte[]> raw = readRaw();
        return new Snapshot(CertState.decode(raw), raw);
    }

    @Override
    public void write(Snapshot seen, CertState next) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (FileSystemException e) {
            throw new IOException(dir + ": cannot create the directory (" + reason(e) + ")");
        }
        ReentrantLock local = IN_PROCESS.computeIfAbsent(dir, d -> new ReentrantLock());
        local.lock();
        try (FileChannel lockFile = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock = lockFile.lock(); // released when the channel closes, also on an exception
            @SuppressWarnings("unchecked")
            Map<String, byte[]> expected = (Map<String, byte[]>) seen.token();
            if (!sameFiles(readRaw(), expected)) {
                throw new ConflictException(describe() + " changed since it was read");
            }
            removeStaleTempFiles();
            writeInOrder(seen.state(), next, new LinkedHashMap<>(expected));
            lock.release();
        } catch (FileSystemException e) {
            throw new IOException(dir + ": cannot write (" + reason(e) + ")");
        } finally {
            local.unlock();
        }
    }

    @Override
    public String describe() {
        return "directory " + dir;
    }

    private void writeInOrder(CertState before, CertState next, Map<String, byte[]> current) throws IOException {
        Map<String, byte[]> target = next.encode();
        // Old and new CA keys together first, so a crash between two writes never leaves a CA without its key.
        List<PrivateKey> union = new ArrayList<>(next.caKeys());
        for (PrivateKey k : before.caKeys()) {
            if (!union.contains(k)) {
                union.add(k);
            }
        }
        writeIfChanged(CertDir.ISSUED, target.get(CertDir.ISSUED), current);
        if (!union.isEmpty()) {
            writeIfChanged(CertDir.CA_KEY, Pem.write(union.toArray()).getBytes(StandardCharsets.UTF_8), current);
        }
        writeIfChanged(CertDir.CA_CERT, target.get(CertDir.CA_CERT), current);
        writeIfChanged(CertDir.TLS_KEY, target.get(CertDir.TLS_KEY), current);
        writeIfChanged(CertDir.TLS_CERT, target.get(CertDir.TLS_CERT), current);
        writeIfChanged(CertDir.CA_KEY, target.get(CertDir.CA_KEY), current);
        for (String name : FILES) {
            if (!target.containsKey(name) && current.containsKey(name)) {
                Files.deleteIfExists(dir.resolve(name));
                current.remove(name);
            }
        }
    }

    private void writeIfChanged(String name, byte[] content, Map<String, byte[]> current) throws IOException {
        if (content == null || Arrays.equals(content, current.get(name))) {
            return;
        }
        writeAtomically(dir.resolve(name), content, name.equals(CertDir.CA_KEY) || name.equals(CertDir.TLS_KEY));
        current.put(name, content);
    }

    static void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
            return; // unchanged: no rename, so no spurious reload in a watching server
        }
        writeAtomically(parent.resolve(target.getFileName()), bytes, secret);
    }

    /**
     * Writes to a temporary file beside the target, flushes it to disk, then renames it over the target: a
     * reader sees the old or the new file, and a crash leaves at most a stray temporary file (removed by the
     * next write). Keys are created owner-only (0600) before a byte is written; certificates are 0644.
     */
    static void writeAtomically(Path target, byte[] bytes, boolean secret) throws IOException {
        Path parent = target.getParent();
        Path tmp;
        try {
            FileAttribute<Set<PosixFilePermission>> perms = PosixFilePermissions.asFileAttribute(secret ? SECRET : PUBLIC);
            tmp = Files.createTempFile(parent, "." + target.getFileName() + ".", TMP_SUFFIX, perms);
        } catch (UnsupportedOperationException e) {
            tmp = Files.createTempFile(parent, "." + target.getFileName() + ".", TMP_SUFFIX); // not POSIX
        }
        try {
            if (!secret) {
                try {
                    Files.setPosixFilePermissions(tmp, PUBLIC); // the umask may have narrowed the mode at creation
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system
                }
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private Map<String, byte[]> readRaw() throws IOException {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        for (String name : FILES) {
            Path p = dir.resolve(name);
            try {
                raw.put(name, Files.readAllBytes(p));
            } catch (NoSuchFileException e) {
                // absent: part of the state
            } catch (AccessDeniedException e) {
                throw new IOException(p + ": permission denied");
            } catch (IOException e) {
                if (Files.isDirectory(p)) {
                    throw new IOException(p + ": is a directory, not a file");
                }
                throw new IOException(p + ": cannot read (" + reason(e) + ")");
            }
        }
        return raw;
    }

    /** Temporary files of ours left by a crash; only called under the lock, when no writer of ours is active. */
    private void removeStaleTempFiles() throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*" + TMP_SUFFIX)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (FILES.stream().anyMatch(f -> n.startsWith("." + f + "."))) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static boolean sameFiles(Map<String, byte[]> a, Map<String, byte[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, byte[]> e : a.entrySet()) {
            if (!Arrays.equals(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static String reason(FileSystemException e) {
        return e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
    }

    private static String reason(IOException e) {
        return e instanceof FileSystemException f ? reason(f) : String.valueOf(e.getMessage());
    }
}
