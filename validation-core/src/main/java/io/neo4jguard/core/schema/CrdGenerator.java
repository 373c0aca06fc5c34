package io.neo4jguard.core.schema;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersionBuilder;
import io.neo4jguard.core.api.Kinds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the CRD manifests of the ten kinds, {@code charts/neo4j-guard/crds/<plural>.neo4j.neo4j.com.yaml},
 * from the JSON Schemas in {@code policies/schemas/} (their one source). The manifests are never edited by
 * hand; {@code CrdsUpToDateTest} fails when the committed files differ from what this generates.
 *
 * <p>Each CRD: {@code apiextensions.k8s.io/v1}, namespaced, one version {@code v1beta1} served and stored,
 * the status subresource (so spec and status are written through different endpoints, as the operator
 * expects), printer columns and names from {@link CrdPresentation}, and the structural schema from
 * {@link StructuralSchema}.
 *
 * <p>Regenerate: {@code ./mvnw -q -pl validation-core test -Dtest=CrdsUpToDateTest -Dneo4jguard.updateCrds=true},
 * or run {@code main} from the repository root (it writes into {@link #OUTPUT_DIR}, or into the directory given
 * as argument).
 */
public final class CrdGenerator {
    /** Where the manifests live, relative to the repository root. */
    public static final String OUTPUT_DIR = "charts/neo4j-guard/crds";
    static final String REGENERATE =
            "./mvnw -q -pl validation-core test -Dtest=CrdsUpToDateTest -Dneo4jguard.updateCrds=true";

    private CrdGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : OUTPUT_DIR);
        for (Path written : write(dir)) {
            System.out.println("wrote " + written);
        }
    }

    /** Writes every manifest into {@code dir} (created if needed); returns the files written. */
    public static List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new java.util.ArrayList<>();
        for (Map.Entry<String, String> e : render().entrySet()) {
            Path file = dir.resolve(e.getKey());
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            out.add(file);
        }
        return out;
    }

    /** File name to YAML text for every kind, in {@link Kinds#ALL} order; LF line ends, deterministic. */
    public static Map<String, String> render() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String kind : Kinds.ALL) {
            files.put(fileName(kind), header(kind) + CrdYaml.write(crd(kind)));
        }
        return files;
    }

    /** The manifest file name of a kind: the CRD's name plus {@code .yaml}. */
    public static String fileName(String kind) {
        return CrdPresentation.of(kind).crdName() + ".yaml";
    }

    /** The CRD of one of the ten kinds, built from the packaged schema. */
    public static CustomResourceDefinition crd(String kind) {
        CrdPresentation p = CrdPresentation.of(kind);
        StructuralSchema schemas = new StructuralSchema(SchemaCatalog.standard());
        return new CustomResourceDefinitionBuilder()
                .withMetadata(new ObjectMetaBuilder().withName(p.crdName()).build())
                .withNewSpec()
                .withGroup(Kinds.GROUP)
                .withScope("Namespaced")
                .withNewNames()
                .withKind(kind)
                .withListKind(kind + "List")
                .withPlural(p.plural())
                .withSingular(p.singular())
                .withShortNames(p.shortNames())
                .withCategories(CrdPresentation.CATEGORY)
                .endNames()
                .withVersions(new CustomResourceDefinitionVersionBuilder()
                        .withName(Kinds.VERSION)
                        .withServed(true)
                        .withStorage(true)
                        .withNewSchema().withOpenAPIV3Schema(schemas.forKind(kind)).endSchema()
                        .withNewSubresources().withNewStatus().endStatus().endSubresources()
                        .withAdditionalPrinterColumns(p.columnModels())
                        .build())
                .endSpec()
                .build();
    }

    private static String header(String kind) {
        return "# Generated from policies/schemas/" + SchemaCatalog.fileName(kind)
                + " by io.neo4jguard.core.schema.CrdGenerator; do not edit.\n"
                + "# Regenerate: " + REGENERATE + "\n";
    }
}
