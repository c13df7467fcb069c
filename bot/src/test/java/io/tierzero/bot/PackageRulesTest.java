package io.tierzero.bot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Package rules over the compiled main classes of both modules. A package is a feature; a cycle
 * between two features means neither can be read, tested or replaced without the other, so the
 * build refuses one.
 */
class PackageRulesTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    // Main classes only: a test may reach across features to set up what it checks.
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tierzero.bot", "io.tierzero.kb");
  }

  @Test
  void bot_features_are_free_of_cycles() {
    slices().matching("io.tierzero.bot.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void knowledge_base_packages_are_free_of_cycles() {
    slices().matching("io.tierzero.kb.(*)..").should().beFreeOfCycles().check(classes);
  }

  /**
   * Flows tell what happened through a seam in a package both use; tickets decide what it means.
   */
  @Test
  void flows_do_not_use_tickets() {
    noClasses()
        .that()
        .resideInAPackage("io.tierzero.bot.flows..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.tierzero.bot.tickets..")
        .check(classes);
  }

  @Test
  void tickets_do_not_use_flows() {
    noClasses()
        .that()
        .resideInAPackage("io.tierzero.bot.tickets..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.tierzero.bot.flows..")
        .check(classes);
  }

  /**
   * The demo's servers (directory, mailbox) plug into identity and mail through their seams; only
   * the production guard, which refuses to deploy them, names them.
   */
  @Test
  void only_the_production_guard_knows_the_demo() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.tierzero.bot.demo..", "io.tierzero.bot.production..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.tierzero.bot.demo..")
        .check(classes);
  }
}
