package io.linkledger;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature boundaries, checked by the build: no cycles between features, no use of another
 * feature's internals. The module documentation in docs/modules/ is drawn from the same model.
 */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(LinkledgerApplication.class);

    @Test
    void featuresDependOnEachOtherOnlyThroughTheirApis() {
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeDocumentation();
    }
}
