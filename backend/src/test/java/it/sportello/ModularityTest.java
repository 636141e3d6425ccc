package it.sportello;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries, checked: each top-level package under {@code it.sportello} is a module,
 * its root package its API (plus the sub-packages it names as interfaces in its {@code
 * package-info.java}), everything else internal; no cycles; each module uses only the modules it
 * declares in {@code allowedDependencies}.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ModularityTest {

  static final ApplicationModules MODULES = ApplicationModules.of(SportelloApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    MODULES.verify();
  }

  /**
   * The search module's root talks to a node through {@code LocalSearchNode}, never to the node.
   */
  @Test
  void searchRootDoesNotDependOnTheEmbeddedNode() {
    noClasses()
        .that()
        .resideInAPackage("it.sportello.search")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("it.sportello.search.embedded..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("it.sportello.search"));
  }

  /** One download response: only {@code shared.web.Downloads} writes a Content-Disposition. */
  @Test
  void onlyDownloadsBuildsAnAttachmentResponse() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("it.sportello.shared.web.Downloads")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.springframework.http.ContentDisposition")
        .orShould()
        .accessField(org.springframework.http.HttpHeaders.class, "CONTENT_DISPOSITION")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("it.sportello"));
  }

  @Test
  void everyBusinessModuleIsKnown() {
    assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
        .contains("ticket", "sla", "channel", "search", "platform", "shared");
  }

  /**
   * Every module says which modules it may use: a module without {@code allowedDependencies} would
   * be allowed every other module's API, and the boundaries would drift unseen.
   */
  @Test
  void everyModuleDeclaresItsAllowedDependencies() throws Exception {
    Object open =
        org.springframework.modulith.ApplicationModule.class
            .getMethod("allowedDependencies")
            .getDefaultValue();
    assertThat(
            MODULES.stream()
                .filter(
                    module -> {
                      var declared =
                          module
                              .getBasePackage()
                              .getAnnotation(org.springframework.modulith.ApplicationModule.class);
                      // a module that uses no other (the processes' constants) needs no list
                      if (module.getDirectDependencies(MODULES).isEmpty()) {
                        return false;
                      }
                      return declared.isEmpty()
                          || java.util.Arrays.equals(
                              declared.get().allowedDependencies(), (String[]) open);
                    })
                .map(module -> module.getIdentifier().toString()))
        .as("modules without declared allowedDependencies")
        .isEmpty();
  }

  /** Every module has its page and diagram in docs/modules (regenerate them as below). */
  @Test
  void everyModuleIsDocumented() {
    Path output = Path.of("..", "docs", "modules").toAbsolutePath().normalize();
    assertThat(
            MODULES.stream()
                .map(module -> module.getIdentifier().toString())
                .filter(
                    id -> !java.nio.file.Files.exists(output.resolve("module-" + id + ".adoc"))))
        .as("modules without docs/modules/module-<id>.adoc")
        .isEmpty();
  }

  /**
   * Writes the module diagrams (C4 and UML, PlantUML) and the module canvases into {@code
   * docs/modules/}: {@code mvn ... -Dtest=ModularityTest -Dsportello.modules.document=true}.
   */
  @Test
  @org.junit.jupiter.api.Order(1) // before everyModuleIsDocumented checks what it writes
  @EnabledIfSystemProperty(named = "sportello.modules.document", matches = "true")
  void writeModuleDocumentation() {
    Path output = Path.of("..", "docs", "modules").toAbsolutePath().normalize();
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(output.toString()))
        .writeDocumentation();
    assertThat(output.resolve("components.puml")).exists();
  }
}
