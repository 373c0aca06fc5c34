/**
 * Where a Neo4j server's settings come from and under which names Neo4j reads them: every place a
 * cluster or standalone spec can set a setting ({@link io.neo4jguard.core.settings.ConfigSources}), one
 * setting as written ({@link io.neo4jguard.core.settings.ConfigEntry}), and the legacy names Neo4j still
 * migrates ({@link io.neo4jguard.core.settings.SettingNames}). Shared by the server rules, memory reading
 * and defaulting, so that all three see the same settings.
 */
package io.neo4jguard.core.settings;
