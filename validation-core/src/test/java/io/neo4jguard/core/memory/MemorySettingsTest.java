package io.neo4jguard.core.memory;

import io.neo4jguard.core.read.ManifestParser;
import io.neo4jguard.core.tree.Node;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Which pools the user wrote, readable or not: what defaulting must leave alone. */
class MemorySettingsTest {
    private static MemorySettings read(String specLines) throws Exception {
        var r = new ManifestParser().parse("t.yaml", "apiVersion: v1\nkind: X\nspec:\n" + specLines.indent(2)).get(0);
        return MemorySettings.read(Node.root(r.tree()).get("spec"), OptionalLong.of(8L << 30), false);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # spec                                                              | max   | initial | page cache | max bytes
            config: {}                                                          | false | false   | false      | -1
            config: {server.memory.heap.max_size: 4g}                           | true  | false   | false      | 4294967296
            config: {dbms.memory.heap.max_size: 4Gi}                            | true  | false   | false      | -1
            config: {server.memory.heap.initial_size: 1g}                       | false | true    | false      | -1
            config: {dbms.memory.pagecache.size: 2g}                            | false | false   | true       | -1
            config: {server.memory.pagecache.size: lots}                        | false | false   | true       | -1
            env: [{name: NEO4J_server_memory_pagecache_size, value: 2g}]        | false | false   | true       | -1
            env: [{name: NEO4J_server_memory_heap_max__size, value: 2g}]        | true  | false   | false      | 2147483648
            env: [{name: HEAP_SIZE, value: 2g}]                                 | true  | true    | false      | 2147483648
            env: [{name: HEAP_SIZE, value: ''}]                                 | false | false   | false      | -1
            env: [{name: JAVA_OPTS, value: -XX:+UseG1GC}]                       | true  | true    | false      | 2147483648
            config: {server.jvm.additional: -Xms1g}                             | false | true    | false      | -1
            config: {server.jvm.additional: -Xmx3Gi}                            | true  | false   | false      | -1
            propertySharding: {config: {server.memory.heap.max_size: 4g}}       | false | false   | false      | -1
            """)
    void writtenPools(String spec, boolean max, boolean initial, boolean pageCache, long maxBytes) throws Exception {
        MemorySettings s = read(spec);
        assertThat(s.heapMaxWritten()).isEqualTo(max);
        assertThat(s.heapInitialWritten()).isEqualTo(initial);
        assertThat(s.pageCacheWritten()).isEqualTo(pageCache);
        assertThat(s.heapMax().map(MemorySettings.Pool::bytes).orElse(-1L)).isEqualTo(maxBytes);
    }
}
