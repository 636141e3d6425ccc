package it.sportello;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The migration fence and the module layers, as rules. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("it.sportello");

  @Test
  void camundaApiIsUsedOnlyInProcessPackages() {
    noClasses()
        .that()
        .resideOutsideOfPackage("..process..")
        // the house rules of the models (processes/), read through Camunda's model API: shared by
        // the model tests and the studio's process adapter; no business code
        .and()
        .doNotHaveFullyQualifiedName("it.sportello.processes.ModelRules")
        .and()
        .doNotHaveFullyQualifiedName("it.sportello.processes.ModelRules$Violation")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.camunda..")
        .because("the business code must stay testable without an engine and portable to Operaton")
        .check(CLASSES);
  }

  /**
   * The engine adapter kit: a delegate or listener reads the variables of its execution or task
   * through {@code platform.process.TaskVariables} (typed, one place), never by casting {@code
   * getVariable}.
   */
  @Test
  void variablesAreReadThroughTheAdapterKit() {
    noClasses()
        .that()
        .resideOutsideOfPackage("it.sportello.platform.process..")
        .should()
        .callMethodWhere(
            com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching(
                        "getVariable(Local)?(Typed)?"))
                .and(
                    com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                            com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(
                                org.camunda.bpm.engine.delegate.VariableScope.class)))))
        .because("one typed way to read a process variable (issue 27, item 2)")
        .check(CLASSES);
  }

  @Test
  void domainAndApplicationDoNotDependOnTheWebOrProcessAdapters() {
    noClasses()
        .that()
        .resideInAnyPackage("..domain..", "..application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..web..", "..process..")
        .check(CLASSES);
  }

  @Test
  void domainDoesNotDependOnSpringWeb() {
    noClasses()
        .that()
        .resideInAPackage("..domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
        .check(CLASSES);
  }

  @Test
  void slaCalendarIsPlainJava() {
    noClasses()
        .that()
        .haveSimpleNameStartingWith("ServiceCalendar")
        .or()
        .haveSimpleName("ItalianHolidays")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework..")
        .check(CLASSES);
  }

  @Test
  void onlyTheDocumentModuleParsesFiles() {
    noClasses()
        .that()
        .resideOutsideOfPackage("it.sportello.document..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.tika..", "org.apache.pdfbox..", "org.bouncycastle..")
        .because("file parsing has limits and error handling that live in one place")
        .check(CLASSES);
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "it.sportello.document..",
            "it.sportello.reporting.web..",
            "it.sportello.complaint.web..",
            "it.sportello.kb.excel..",
            "it.sportello.survey.excel..",
            "it.sportello.distribution.web..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.apache.poi..")
        .because(
            "documents parse spreadsheets, the reports' and the register's web adapters write them,"
                + " the KB import reads its workbook, the campaigns read target lists and write their"
                + " workbook, the staffing forecast's web adapter writes its workbook; nobody else")
        .check(CLASSES);
  }

  @Test
  void thePecParserIsPlainJava() {
    noClasses()
        .that()
        .resideInAPackage("it.sportello.channel.mail.pec..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "jakarta.persistence..")
        .check(CLASSES);
  }
}
