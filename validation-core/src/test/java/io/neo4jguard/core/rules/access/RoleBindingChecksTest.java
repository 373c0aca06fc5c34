package io.neo4jguard.core.rules.access;

import io.neo4jguard.core.api.Finding;
import io.neo4jguard.core.api.Kinds;
import io.neo4jguard.core.api.Resource;
import io.neo4jguard.core.testkit.Resolvers;
import org.junit.jupiter.api.Test;

import static io.neo4jguard.core.testkit.CheckRun.ids;
import static io.neo4jguard.core.rules.database.Fixtures.object;
import static io.neo4jguard.core.testkit.CheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class RoleBindingChecksTest {
    @Test
    void usernameAndRolesAreRequired() {
        RoleBindingCheck check = new RoleBindingCheck();
        assertThat(run(check, object(Kinds.ROLE_BINDING, "b", "clusterRef: g\nusername: alice@example.com\n"
                + "roles: [editor]"))).isEmpty();
        assertThat(ids(run(check, object(Kinds.ROLE_BINDING, "b", "clusterRef: g")))).containsExactly(
                "rolebinding.username-invalid", "rolebinding.roles-required");
        assertThat(ids(run(check, object(Kinds.ROLE_BINDING, "b", "username: 1x\nroles: []")))).containsExactly(
                "rolebinding.username-invalid", "rolebinding.roles-required");
    }

    @Test
    void overlapWithAManagedUser() {
        RoleBindingOverlapCheck check = new RoleBindingOverlapCheck();
        Resource binding = object(Kinds.ROLE_BINDING, "alice-binding", "clusterRef: prod\nusername: alice\n"
                + "roles: [editor]");
        Resource byMetadata = object(Kinds.USER, "alice", "clusterRef: prod\nexternalAuth: [{provider: p, id: a}]");
        Resource bySpec = object(Kinds.USER, "u1", "clusterRef: prod\nusername: alice");
        Resource otherCluster = object(Kinds.USER, "alice", "clusterRef: staging");
        Resource otherCase = object(Kinds.USER, "u2", "clusterRef: prod\nusername: Alice");
        assertThat(ids(run(check, binding, Resolvers.of(false, binding, byMetadata))))
                .containsExactly("rolebinding.user-overlap");
        assertThat(ids(run(check, binding, Resolvers.of(false, binding, bySpec))))
                .containsExactly("rolebinding.user-overlap");
        assertThat(run(check, binding, Resolvers.of(false, binding, otherCluster))).isEmpty();
        assertThat(run(check, binding, Resolvers.of(false, binding, otherCase))).isEmpty();
    }

    @Test
    void roleEntries() {
        RoleEntriesCheck check = new RoleEntriesCheck();
        assertThat(run(check, object(Kinds.ROLE_BINDING, "b", "roles: [editor, analytics-reader, analytics_reader]")))
                .isEmpty();
        var bad = object(Kinds.ROLE_BINDING, "b", "roles: [\"\", \"a b\", PUBLIC, editor, editor, \" editor\", ~]");
        assertThat(run(check, bad)).extracting(Finding::rule).containsExactly(
                "access.role-entry-invalid", "access.role-entry-invalid", "access.role-public",
                "access.role-duplicate", "access.role-entry-invalid", "access.role-entry-invalid");
        assertThat(ids(run(check, object(Kinds.USER, "u", "roles: [public]")))).containsExactly("access.role-public");
    }

    @Test
    void enums() {
        AccessEnumCheck check = new AccessEnumCheck();
        assertThat(run(check, object(Kinds.USER, "u", "accountStatus: suspended\ndeletionPolicy: Retain"))).isEmpty();
        assertThat(ids(run(check, object(Kinds.USER, "u", "accountStatus: Active\ndeletionPolicy: Revoke"))))
                .containsExactly("access.enum-unsupported", "access.enum-unsupported");
        assertThat(run(check, object(Kinds.ROLE_BINDING, "b", "deletionPolicy: Revoke"))).isEmpty();
        assertThat(ids(run(check, object(Kinds.ROLE_BINDING, "b", "deletionPolicy: Delete"))))
                .containsExactly("access.enum-unsupported");
        assertThat(run(check, object(Kinds.ROLE, "r", "deletionPolicy: retain")).get(0).hint()).contains("Retain");
    }

    @Test
    void clusterRefForAllThreeKinds() {
        AccessTargetCheck check = new AccessTargetCheck();
        for (String kind : new String[] {Kinds.USER, Kinds.ROLE, Kinds.ROLE_BINDING}) {
            assertThat(ids(run(check, object(kind, "x", "roles: []")))).as(kind)
                    .containsExactly("access.cluster-ref-required");
            assertThat(ids(run(check, object(kind, "x", "clusterRef: prod"), Resolvers.of(true)))).as(kind)
                    .containsExactly("refs.target-missing");
        }
    }
}
