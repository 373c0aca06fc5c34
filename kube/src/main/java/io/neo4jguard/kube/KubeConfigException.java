package io.neo4jguard.kube;

/** No usable API-server configuration: the message names the source (file, directory), never a credential. */
public final class KubeConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KubeConfigException(String message) {
        super(message);
    }

    public KubeConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
