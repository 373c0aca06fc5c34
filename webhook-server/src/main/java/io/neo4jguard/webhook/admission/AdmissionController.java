package io.neo4jguard.webhook.admission;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neo4jguard.core.Validator;
import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.PatchOperation;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.defaults.Defaults;
import io.neo4jguard.core.policy.Enforcement;
import io.neo4jguard.kube.resolve.ResolverProvider;

import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Answers AdmissionReview bodies for {@code /validate} and {@code /mutate}: bytes in, bytes out, no
 * HTTP ({@link AdmissionHandler} comes first). Every body gets an answer within the deadline: a review that cannot be read is a 400; a
 * check that does not finish in time or fails outside the engine is answered as a failure, which
 * denies on {@code /validate} (fail closed) and admits without a patch on {@code /mutate} (defaults
 * are a convenience; validation checks the final object anyway).
 *
 * <p>Thread-safe. The work runs on {@code workers} so that the calling (HTTP) thread can stop waiting
 * at the deadline even when a check never returns.
 */
public final class AdmissionController {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Validator validator;
    private final Defaults defaults;
    private final ResolverProvider resolvers;
    private final ExecutorService workers;
    private final Duration answerBudget;
    private final Duration lookupBudget;

    public AdmissionController(Validator validator, Defaults defaults, ResolverProvider resolvers,
                               ExecutorService workers, Duration answerBudget, Duration lookupBudget) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.resolvers = Objects.requireNonNull(resolvers, "resolvers");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.answerBudget = answerBudget;
        this.lookupBudget = lookupBudget;
    }

    /**
     * @param startNanos {@link System#nanoTime()} when the request arrived; the deadline counts from there
     */
    public Answer handle(Webhook webhook, byte[] body, long startNanos) {
        ReviewRequest review;
        try {
            review = ReviewRequest.parse(JSON.readTree(body));
        } catch (JsonProcessingException e) {
            return Status.error(400, malformed(e));
        } catch (BadReview e) {
            return Status.error(400, e.getMessage());
        } catch (IOException e) {
            return Status.error(400, "unreadable body: " + e.getClass().getSimpleName());
        }
        if (!review.checksObject()) {
            // DELETE, CONNECT, subresources (status, scale) and kinds that are not ours pass untouched.
            return answer(review, webhook, allowed(review), List.of(), 0, "");
        }
        long deadline = startNanos + answerBudget.toNanos();
        long lookupDeadline = startNanos + lookupBudget.toNanos();
        Future<Answer> work;
        try {
            work = workers.submit(() -> webhook == Webhook.VALIDATE
                    ? validate(review, lookupDeadline) : mutate(review));
        } catch (RejectedExecutionException e) {
            return failure(webhook, review, "too many requests in progress");
        }
        try {
            return work.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            work.cancel(true);
            return failure(webhook, review, "no answer within " + answerBudget.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return failure(webhook, review, "internal error (" + cause.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            work.cancel(true);
            return failure(webhook, review, "interrupted while shutting down");
        }
    }

    private Answer validate(ReviewRequest r, long lookupDeadline) {
        Resource object = Resource.of(withContext(r.object(), r, true));
        Resource old = r.oldObject() == null ? null : Resource.of(withContext(r.oldObject(), r, true));
        List<Finding> findings = validator.validate(object, old, resolvers.forRequest(lookupDeadline));
        List<Finding> errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
        boolean enforce = validator.policy().enforcement(r.namespace()) == Enforcement.ENFORCE;
        ObjectNode response = response(r);
        if (!errors.isEmpty() && enforce) {
            response.put("allowed", false);
            response.set("status", Denial.invalid(r, errors));
            List<Finding> rest = findings.stream().filter(f -> f.severity() != Severity.ERROR).toList();
            putWarnings(response, Warnings.of(rest));
        } else {
            // In a warn namespace errors are admitted and shown as warnings, errors first.
            response.put("allowed", true);
            putWarnings(response, Warnings.of(findings));
        }
        return answer(r, Webhook.VALIDATE, response, findings, 0, "");
    }

    private Answer mutate(ReviewRequest r) {
        List<PatchOperation> ops = defaults.patch(Resource.of(withContext(r.object(), r, false)));
        ObjectNode response = allowed(r);
        if (!ops.isEmpty()) {
            response.put("patchType", "JSONPatch");
            response.put("patch", Base64.getEncoder().encodeToString(bytes(patchJson(ops))));
        }
        return answer(r, Webhook.MUTATE, response, List.of(), ops.size(), "");
    }

    private Answer failure(Webhook webhook, ReviewRequest r, String what) {
        ObjectNode response = response(r);
        if (webhook == Webhook.VALIDATE) {
            response.put("allowed", false);
            response.set("status", Denial.internalError(r, what));
        } else {
            response.put("allowed", true);
            putWarnings(response, List.of(Texts.clip(Texts.ascii("neo4j-guard: defaults not applied to "
                    + Denial.subject(r) + ": " + what), Warnings.ITEM_LIMIT)));
        }
        return answer(r, webhook, response, List.of(), 0, what);
    }

    private static ObjectNode allowed(ReviewRequest r) {
        ObjectNode response = response(r);
        response.put("allowed", true);
        return response;
    }

    private static ObjectNode response(ReviewRequest r) {
        ObjectNode response = NODES.objectNode();
        response.put("uid", r.uid());
        return response;
    }

    private static Answer answer(ReviewRequest r, Webhook webhook, ObjectNode response, List<Finding> findings,
                                 int patchOps, String failure) {
        ObjectNode review = NODES.objectNode();
        review.put("apiVersion", r.apiVersion());
        review.put("kind", ReviewRequest.KIND);
        review.set("response", response);
        Decision d = new Decision(webhook, r.uid(), r.kind(), r.namespace(), r.displayName(), r.operation(),
                r.dryRun(), response.path("allowed").asBoolean(), findings, patchOps, failure);
        return new Answer(bytes(review), d);
    }

    private static void putWarnings(ObjectNode response, List<String> warnings) {
        if (!warnings.isEmpty()) {
            ArrayNode a = response.putArray("warnings");
            warnings.forEach(a::add);
        }
    }

    /**
     * The object as the rules expect it. The API server leaves {@code metadata.namespace} out of a
     * CREATE whose namespace comes from the URL; cross-object rules look references up in the object's
     * namespace, so it is filled in from the request (validation only: a patch must be computed against
     * the object exactly as sent).
     */
    private static ObjectNode withContext(ObjectNode object, ReviewRequest r, boolean namespace) {
        boolean needsType = !object.path("apiVersion").isTextual() || !object.path("kind").isTextual();
        boolean needsNamespace = namespace && !r.namespace().isEmpty()
                && object.path("metadata").path("namespace").asText("").isEmpty()
                && (object.path("metadata").isObject() || object.path("metadata").isMissingNode());
        if (!needsType && !needsNamespace) {
            return object;
        }
        ObjectNode copy = object.deepCopy();
        if (needsType) {
            copy.put("apiVersion", r.group() + "/" + r.version());
            copy.put("kind", r.kind());
        }
        if (needsNamespace) {
            ObjectNode metadata = copy.path("metadata").isObject() ? (ObjectNode) copy.get("metadata")
                    : copy.putObject("metadata");
            metadata.put("namespace", r.namespace());
        }
        return copy;
    }

    private static ArrayNode patchJson(List<PatchOperation> ops) {
        ArrayNode patch = NODES.arrayNode();
        for (PatchOperation op : ops) {
            ObjectNode o = patch.addObject();
            o.put("op", op.op());
            o.put("path", op.path());
            if (op.value() != null) {
                o.set("value", op.value());
            }
        }
        return patch;
    }

    /**
     * Where and why, without echoing the body: Jackson's own message may quote a token of the input,
     * which could be part of a Secret.
     */
    private static String malformed(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String kind = e.getClass().getSimpleName()
                .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            return "malformed JSON" + where + ": nested too deeply or a value too long";
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m
                && m.getMessage() != null && m.getMessage().startsWith("No content")) {
            return "empty body: expected an AdmissionReview (JSON)";
        }
        if (e.getMessage() != null && e.getMessage().contains("Trailing token")) {
            return "malformed JSON" + where + ": more content after the AdmissionReview";
        }
        if (e.getMessage() != null && e.getMessage().contains("end-of-input")) {
            return "malformed JSON" + where + ": the body ends before the JSON does (truncated?)";
        }
        String reason = e.getOriginalMessage() == null ? kind : e.getOriginalMessage().lines().findFirst().orElse(kind)
                .replaceAll("'(?!(?:null|true|false|NaN|INF|Infinity)')[^']*'", "'?'").replaceAll("\\s*\\(code -?\\d+\\)", "")
                .replaceAll("\"[^\"]*\"", "\"?\"");
        return "malformed JSON" + where + ": " + Texts.clip(reason, 160);
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            // A tree we built ourselves always serializes.
            throw new IllegalStateException(e);
        }
    }
}
