package io.neo4jguard.core.schema;

import io.neo4jguard.core.api.Kinds;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A schema keyword the generator cannot express fails generation, naming where it is. */
class StructuralSchemaTest {
    @Test
    void anUnsupportedKeywordIsAnErrorWithItsPath() {
        SchemaCatalog catalog = SchemaCatalog.load(replacing("neo4jdatabase.json",
                "\"wait\": {", "\"wait\": {\"default\": true, "));
        assertThatThrownBy(() -> new StructuralSchema(catalog).forKind(Kinds.DATABASE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Neo4jDatabase.spec.wait: keyword default has no CRD equivalent");
    }

    @Test
    void aTypeUnionOtherThanIntOrStringIsAnError() {
        SchemaCatalog catalog = SchemaCatalog.load(replacing("neo4jdatabase.json",
                "\"wait\": {\n          \"type\": \"boolean\"", "\"wait\": {\n          \"type\": [\"boolean\", \"string\"]"));
        assertThatThrownBy(() -> new StructuralSchema(catalog).forKind(Kinds.DATABASE))
                .hasMessageContaining("Neo4jDatabase.spec.wait: type union");
    }

    /** The packaged schemas with one file's text edited. */
    private static ClassLoader replacing(String file, String from, String to) {
        ClassLoader parent = StructuralSchemaTest.class.getClassLoader();
        String name = SchemaCatalog.RESOURCE_DIR + file;
        String original;
        try (InputStream in = parent.getResourceAsStream(name)) {
            original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!original.contains(from)) {
            throw new IllegalStateException("test setup: " + file + " does not contain " + from);
        }
        byte[] edited = original.replace(from, to).getBytes(StandardCharsets.UTF_8);
        return new ClassLoader(parent) {
            @Override
            public InputStream getResourceAsStream(String resource) {
                return resource.equals(name) ? new ByteArrayInputStream(edited) : super.getResourceAsStream(resource);
            }
        };
    }
}
