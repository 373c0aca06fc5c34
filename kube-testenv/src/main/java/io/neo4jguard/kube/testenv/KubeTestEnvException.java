package io.neo4jguard.kube.testenv;

/**
 * The control plane cannot be provisioned or started. The message is the whole story (what is missing and
 * what to install or set), so the exception carries no stack trace: a test report shows one clear line instead
 * of forty lines of frames that all point at this module.
 */
public final class KubeTestEnvException extends RuntimeException {
    public KubeTestEnvException(String message) {
        super(message, null, false, false);
    }

    public KubeTestEnvException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
