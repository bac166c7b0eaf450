package io.linkledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature boundaries, checked by the build: no cycles between features, no use of another
 * feature's internals. The module documentation in docs/modules/ is drawn from the same model.
 */
class ModularityTest {

    private static final Path DOCS = Path.of("docs/modules");
    private static final Path DRAWN = Path.of("target/modules");

    private final ApplicationModules modules = ApplicationModules.of(LinkledgerApplication.class);

    @Test
    void featuresDependOnEachOtherOnlyThroughTheirApis() {
        modules.verify();
    }

    /**
     * Draws the component diagram and one canvas per feature, and copies a file into docs/modules/
     * only when its content changed: the Documenter lists dependencies in no fixed order, and a
     * reordering alone must not show up as a change in git.
     */
    @Test
    void writesTheModuleDocumentation() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DRAWN.toString()))
                .writeDocumentation();
        Files.createDirectories(DOCS);
        try (Stream<Path> drawn = Files.list(DRAWN)) {
            for (Path file : drawn.toList()) {
                Path published = DOCS.resolve(file.getFileName());
                if (!Files.exists(published) || !sameLines(file, published)) {
                    Files.copy(file, published, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** The same lines in any order; an AsciiDoc table cell's first item carries the cell's "|". */
    private static boolean sameLines(Path a, Path b) throws IOException {
        return normalized(a).equals(normalized(b));
    }

    private static List<String> normalized(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(line -> line.replaceFirst("^\\|", "").strip()).sorted().toList();
    }
}
