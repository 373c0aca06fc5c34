package io.neo4jguard.certs;

import java.io.IOException;
import java.util.Map;

/**
 * A {@link CertStore} in memory with a version counter: the same optimistic contract as the Secret store
 * (write succeeds only at the version read), without an API server. {@link #beforeWrite} lets a test play a
 * second writer that gets in between someone's read and write.
 */
final class MemoryStore implements CertStore {
    private Map<String, byte[]> files = Map.of();
    private long version;
    int writes;
    int conflicts;
    Runnable beforeWrite = () -> { };

    @Override
    public synchronized Snapshot read() {
        return new Snapshot(CertState.decode(files), version);
    }

    @Override
    public void write(Snapshot seen, CertState next) throws IOException {
        beforeWrite.run();
        synchronized (this) {
            if (!seen.token().equals(version)) {
                conflicts++;
                throw new ConflictException("version " + seen.token() + " is stale; now " + version);
            }
            files = Map.copyOf(next.encode());
            version++;
            writes++;
        }
    }

    @Override
    public String describe() {
        return "memory store";
    }

    synchronized long version() {
        return version;
    }
}
