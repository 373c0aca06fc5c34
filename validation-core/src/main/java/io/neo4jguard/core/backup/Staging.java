package io.neo4jguard.core.backup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Where backup and restore Jobs stage their files: {@code options.tempPath} (a directory in the Job's
 * container) or {@code options.tempStorage} (a claim the operator creates and mounts). Shared by backup and
 * restore options.
 */
public final class Staging {
    /**
     * The CRD pattern of tempStorage.size: digits and a binary suffix only. Stricter than a Kubernetes
     * quantity ({@code 50G} and {@code 1.5Ti} are quantities but the API server refuses them here).
     */
    public static final Pattern SIZE = Pattern.compile("[0-9]+(Ki|Mi|Gi|Ti)?");

    private static final BigDecimal GI = BigDecimal.valueOf(1024L * 1024 * 1024);

    private Staging() {
    }

    /** True when the size text fits the CRD's pattern (it must also be a positive quantity). */
    public static boolean sizeFitsCrd(String size) {
        return SIZE.matcher(size).matches();
    }

    /** An amount of bytes in whole Gi, rounded up: how to write a size the CRD refuses. */
    public static String wholeGi(BigDecimal bytes) {
        return bytes.divide(GI, 0, RoundingMode.CEILING).toPlainString() + "Gi";
    }
}
