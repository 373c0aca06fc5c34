package io.neo4jguard.kube.testenv;

import java.util.Locale;

/** The {@code <os>-<arch>} suffix of envtest's directory layout ({@code 1.34.10-linux-amd64}), from the JVM. */
final class Platform {
    private Platform() {
    }

    static String suffix() {
        return suffix(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    static String suffix(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String goos = os.contains("mac") || os.contains("darwin") ? "darwin"
                : os.contains("win") ? "windows" : os.contains("linux") ? "linux" : os.replaceAll("[^a-z0-9]", "");
        String arch = osArch.toLowerCase(Locale.ROOT);
        String goarch = switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch;
        };
        return goos + "-" + goarch;
    }
}
