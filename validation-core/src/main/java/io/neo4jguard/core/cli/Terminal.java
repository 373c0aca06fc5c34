package io.neo4jguard.core.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Whether to colour text output: only on an interactive terminal, and never when {@code NO_COLOR} is
 * set to a non-empty value (no-color.org). CI logs and pipes get plain text.
 */
final class Terminal {
    private Terminal() {
    }

    static boolean colour(Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) {
            return false;
        }
        return interactive(System.console());
    }

    /**
     * Up to Java 21 {@code System.console()} is null unless stdin and stdout are a terminal. From 22 on
     * it may return a console for redirected output too, and {@code Console.isTerminal()} (22+) tells;
     * it is called reflectively because we compile for 17.
     */
    static boolean interactive(Console console) {
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
