package io.neo4jguard.core.rules.access;

import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.api.Resolution;
import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.engine.RuleContext;
import io.neo4jguard.core.tree.Node;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * {@code Neo4jUser.spec.passwordSecretRef}: the Secret and key holding the native password. A Secret that does not
 * exist (yet) is never an error: the operator keeps the user Pending until it appears, which is the documented way
 * to apply users before their Secrets. The value itself is never read beyond its length and never echoed.
 */
public final class UserPasswordCheck implements Check {
    static final String DEFAULT_KEY = "password";

    /**
     * Neo4j's {@code dbms.security.auth_minimum_password_length} defaults to 8: below it CREATE/ALTER USER ... SET
     * PASSWORD fails unless the server lowers the setting.
     */
    static final int MINIMUM_LENGTH = 8;

    static final RuleMeta PASSWORD_SECRET_INVALID = new RuleMeta("user.password-secret-invalid",
            "The password Secret reference or value is unusable", Severity.ERROR, Set.of(Kinds.USER),
            "The operator reads the password from passwordSecretRef (key 'password' unless another key is given). "
                    + "A reference without a Secret name, a Secret without that key, or an empty value leaves the "
                    + "user without a password and the operator fails it.",
            "Name the Secret and make sure it holds a non-empty value under the key.",
            "spec:\n  passwordSecretRef:\n    name: app-reader-creds   # key defaults to password\n"
                    + "# kubectl create secret generic app-reader-creds --from-literal=password='...'");

    static final RuleMeta PASSWORD_SHORT = new RuleMeta("user.password-short",
            "The password is shorter than Neo4j's default minimum", Severity.WARNING, Set.of(Kinds.USER),
            "Neo4j refuses passwords shorter than dbms.security.auth_minimum_password_length, 8 characters by "
                    + "default; unless the server lowers that setting, setting this password fails. Short "
                    + "passwords are also easy to guess.",
            "Use a password of at least 8 characters (a generated one is best).",
            "");

    static final RuleMeta PASSWORD_SECRET_PENDING = new RuleMeta("user.password-secret-pending",
            "The password Secret does not exist yet", Severity.WARNING, Set.of(Kinds.USER),
            "The Secret named by passwordSecretRef is not in the namespace. The operator keeps the user Pending and "
                    + "creates it once the Secret appears.",
            "Create the Secret (kubectl create secret generic <name> --from-literal=password=...).",
            "");

    @Override
    public List<RuleMeta> rules() {
        return List.of(PASSWORD_SECRET_INVALID, PASSWORD_SHORT, PASSWORD_SECRET_PENDING);
    }

    @Override
    public void check(RuleContext ctx) {
        Node ref = ctx.spec().get("passwordSecretRef");
        if (!ref.isObject()) {
            return;
        }
        Node nameNode = ref.get("name");
        Optional<String> name = nameNode.text().map(String::trim).filter(s -> !s.isEmpty());
        if (name.isEmpty()) {
            if (!nameNode.present() || nameNode.isText()) {
                ctx.report(PASSWORD_SECRET_INVALID, nameNode.path(), Messages.required(
                        "the name of the Secret holding the password"), "set passwordSecretRef.name");
            }
            return;
        }
        Node keyNode = ref.get("key");
        String key = keyNode.text().map(String::trim).filter(s -> !s.isEmpty()).orElse(DEFAULT_KEY);
        Resolution r = ctx.resolver().resolve("Secret", ctx.namespace(), name.get());
        if (r.status() == Resolution.Status.NOT_FOUND && ctx.resolver().authoritative()) {
            ctx.report(PASSWORD_SECRET_PENDING, nameNode.path(), Messages.notFound(name.get(),
                    "no Secret of that name in namespace " + ctx.namespace() + "; the user stays Pending until it "
                            + "exists"), "create the Secret");
            return;
        }
        if (r.status() != Resolution.Status.FOUND || r.resource() == null) {
            return;
        }
        String keyPath = keyNode.present() ? keyNode.path() : nameNode.path();
        SecretData secret = SecretData.of(r.resource());
        if (!secret.has(key)) {
            ctx.report(PASSWORD_SECRET_INVALID, keyPath, Messages.notFound(key, "Secret " + name.get()
                    + " has no key " + key), "add key " + key + " to the Secret or set passwordSecretRef.key");
            return;
        }
        OptionalInt length = secret.byteLength(key);
        if (length.isEmpty()) {
            return;
        }
        if (length.getAsInt() == 0) {
            ctx.report(PASSWORD_SECRET_INVALID, keyPath, Messages.invalidRedacted("key " + key + " of Secret "
                    + name.get() + " is empty"), "put the password into the Secret");
        } else if (length.getAsInt() < MINIMUM_LENGTH) {
            ctx.report(PASSWORD_SHORT, keyPath, Messages.invalidRedacted("the password in Secret " + name.get()
                    + " is shorter than " + MINIMUM_LENGTH + " bytes, Neo4j's default minimum length"),
                    "use a password of at least " + MINIMUM_LENGTH + " characters");
        }
    }
}
