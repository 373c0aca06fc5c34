package io.neo4jguard.core.rules.server;

import io.neo4jguard.core.api.RuleMeta;
import io.neo4jguard.core.api.Severity;
import io.neo4jguard.core.engine.Check;
import io.neo4jguard.core.api.Messages;
import io.neo4jguard.core.tree.Node;
import io.neo4jguard.core.engine.RuleContext;

import java.util.List;

/**
 * {@code spec.auraFleetManagement}: registering the deployment with Aura Fleet Management. The CRD's CEL rules
 * (provision and tokenSecretRef exclusive; exactly one of providerConfigRef and credentialsSecretRef; a
 * deploymentName of at most 30) apply always; the operator's fleet validator adds the rest when enabled.
 */
public final class FleetManagementCheck implements Check {
    /** The CRD's maxLength for provision.deploymentName (Aura's limit for a deployment name). */
    static final int MAX_DEPLOYMENT_NAME = 30;

    public static final RuleMeta TOKEN_SECRET = new RuleMeta("fleet.token-secret-required",
            "tokenSecretRef needs a Secret name", Severity.ERROR, ServerSpecs.BOTH,
            "With tokenSecretRef the operator reads the Fleet Management registration token from that Secret; an "
                    + "empty name references nothing, and the operator's fleet validator refuses it.",
            "Set tokenSecretRef.name to the Secret holding the token, or use provision to let the operator mint it.",
            "spec:\n  auraFleetManagement:\n    enabled: true\n    tokenSecretRef:\n      name: aura-fleet-token");

    public static final RuleMeta TOKEN_SOURCE = new RuleMeta("fleet.token-source-conflict",
            "Use provision or tokenSecretRef, not both", Severity.ERROR, ServerSpecs.BOTH,
            "Either the operator mints the registration token through the Aura API (provision) or you supply it "
                    + "(tokenSecretRef); with both it cannot know which token wins. The CRD's CEL rule refuses the "
                    + "object at the API server.",
            "Remove tokenSecretRef (to provision) or provision (to supply the token).",
            "spec:\n  auraFleetManagement:\n    enabled: true\n    provision:\n      providerConfigRef:\n"
                    + "        name: aura-prod");

    public static final RuleMeta CREDENTIALS = new RuleMeta("fleet.provision-credentials",
            "provision needs exactly one source of Aura API credentials", Severity.ERROR, ServerSpecs.BOTH,
            "Provisioning calls the Aura API with credentials from an AuraProviderConfig (providerConfigRef) or "
                    + "from a Secret (credentialsSecretRef): exactly one, with a name. The CRD's CEL rule refuses "
                    + "both or neither, and the operator's fleet validator an empty name.",
            "Set providerConfigRef.name, or credentialsSecretRef.name with organizationId and projectId.",
            "spec:\n  auraFleetManagement:\n    enabled: true\n    provision:\n      providerConfigRef:\n"
                    + "        name: aura-prod");

    public static final RuleMeta ORGANIZATION = new RuleMeta("fleet.organization-required",
            "Inline Aura credentials need organizationId and projectId", Severity.ERROR, ServerSpecs.BOTH,
            "An AuraProviderConfig supplies the Aura organization and project; with credentialsSecretRef there is "
                    + "nothing to default them from, so the operator's fleet validator requires both.",
            "Set provision.organizationId and provision.projectId, or use providerConfigRef.",
            "spec:\n  auraFleetManagement:\n    enabled: true\n    provision:\n      credentialsSecretRef:\n"
                    + "        name: aura-api\n      organizationId: org-123\n      projectId: proj-456");

    public static final RuleMeta DEPLOYMENT_NAME = new RuleMeta("fleet.deployment-name-too-long",
            "provision.deploymentName is at most 30 characters", Severity.ERROR, ServerSpecs.BOTH,
            "The deployment name is registered with Aura Fleet Management, which takes at most 30 characters; the "
                    + "CRD (maxLength 30) and the operator's fleet validator refuse longer names.",
            "Shorten deploymentName to 30 characters or fewer, or leave it out (the operator derives one).",
            "spec:\n  auraFleetManagement:\n    enabled: true\n    provision:\n      providerConfigRef:\n"
                    + "        name: aura-prod\n      deploymentName: prod-graph");

    private static final List<RuleMeta> RULES = List.of(TOKEN_SECRET, TOKEN_SOURCE, CREDENTIALS, ORGANIZATION,
            DEPLOYMENT_NAME);

    @Override
    public List<RuleMeta> rules() {
        return RULES;
    }

    @Override
    public void check(RuleContext ctx) {
        Node fleet = ctx.spec().get("auraFleetManagement");
        if (!fleet.isObject()) {
            return;
        }
        boolean enabled = fleet.get("enabled").isTrue();
        Node token = fleet.get("tokenSecretRef");
        Node provision = fleet.get("provision");
        // CRD CEL rules: the API server applies them whether or not Fleet Management is enabled.
        if (provision.isObject() && token.present()) {
            ctx.report(TOKEN_SOURCE, provision.path(), Messages.forbidden("provision and tokenSecretRef are both "
                    + "set; use one"), "remove tokenSecretRef to provision, or provision to supply the token");
        }
        Node providerRef = provision.get("providerConfigRef");
        Node credentialsRef = provision.get("credentialsSecretRef");
        if (provision.isObject() && providerRef.present() && credentialsRef.present()) {
            ctx.report(CREDENTIALS, provision.path(), Messages.forbidden("providerConfigRef and credentialsSecretRef "
                    + "are both set; use one"));
        }
        Node deployment = provision.get("deploymentName");
        deployment.text().filter(d -> d.length() > MAX_DEPLOYMENT_NAME).ifPresent(d ->
                ctx.report(DEPLOYMENT_NAME, deployment.path(), Messages.tooLong(d, MAX_DEPLOYMENT_NAME)));
        if (!enabled) {
            return; // the operator's fleet validator runs only when enabled
        }
        if (token.present() && ServerSpecs.blank(token.get("name"))) {
            ctx.report(TOKEN_SECRET, token.get("name").path(), Messages.required("the Secret with the registration "
                    + "token"));
        }
        if (!provision.isObject()) {
            return;
        }
        boolean provider = !ServerSpecs.blank(providerRef.get("name"));
        boolean inline = !ServerSpecs.blank(credentialsRef.get("name"));
        if (providerRef.present() && !provider) {
            ctx.report(CREDENTIALS, providerRef.get("name").path(), Messages.required("the AuraProviderConfig name"));
        } else if (credentialsRef.present() && !inline) {
            ctx.report(CREDENTIALS, credentialsRef.get("name").path(), Messages.required("the Secret with the Aura "
                    + "API client ID and secret"));
        } else if (!provider && !inline) {
            ctx.report(CREDENTIALS, provision.path(), Messages.required("providerConfigRef or credentialsSecretRef"));
        }
        if (!provider) {
            for (String field : List.of("organizationId", "projectId")) {
                Node n = provision.get(field);
                if (ServerSpecs.blank(n)) {
                    ctx.report(ORGANIZATION, n.path(), Messages.required(field + " (no AuraProviderConfig to default "
                            + "it from)"));
                }
            }
        }
    }
}
