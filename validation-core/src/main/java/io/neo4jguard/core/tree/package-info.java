/**
 * A read-only view of a JSON tree that knows its own field path ({@link io.neo4jguard.core.tree.Node}):
 * rules, defaulting, settings, memory reading and policy loading all walk objects through it, so it sits
 * below all of them and depends only on {@code api}.
 */
package io.neo4jguard.core.tree;
