package org.nianbao.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The house layering: dependencies point inward, and only reader packages touch format libraries. */
class LayeringTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importMain() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.nianbao");
  }

  @Test
  void modelAndSourceImportNothingOfOurs() {
    noClasses().that().resideInAnyPackage("org.nianbao.model..", "org.nianbao.source..")
        .should().dependOnClassesThat().resideInAnyPackage("org.nianbao.read..", "org.nianbao.mapping..",
            "org.nianbao.locate..", "org.nianbao.map..", "org.nianbao.normalize..", "org.nianbao.validate..",
            "org.nianbao.write..", "org.nianbao.pipeline..", "org.nianbao.cli..")
        .check(classes);
  }

  @Test
  void stagesAfterReadingDoNotImportReaders() {
    noClasses().that().resideInAnyPackage("org.nianbao.mapping..", "org.nianbao.locate..", "org.nianbao.map..",
            "org.nianbao.normalize..", "org.nianbao.validate..", "org.nianbao.write..")
        .should().dependOnClassesThat().resideInAnyPackage("org.nianbao.read..")
        .check(classes);
  }

  @Test
  void onlyThePdfReaderImportsPdfBox() {
    noClasses().that().resideOutsideOfPackage("org.nianbao.read.pdf..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.pdfbox..", "org.apache.fontbox..")
        .check(classes);
  }

  @Test
  void onlyWordReadersAndTheWorkbookWriterImportPoi() {
    noClasses().that().resideOutsideOfPackages("org.nianbao.read.word..", "org.nianbao.write..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.poi..")
        .check(classes);
  }

  @Test
  void onlyTheHtmlReaderImportsJsoup() {
    noClasses().that().resideOutsideOfPackage("org.nianbao.read.html..")
        .should().dependOnClassesThat().resideInAnyPackage("org.jsoup..")
        .check(classes);
  }

  @Test
  void onlyTheSnifferAndTheTextReaderImportTika() {
    noClasses().that().resideOutsideOfPackages("org.nianbao.read", "org.nianbao.read.html")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.tika..")
        .check(classes);
  }

  @Test
  void onlyTheBatchReadsArchives() {
    noClasses().that().resideOutsideOfPackage("org.nianbao.pipeline.batch")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.commons.compress..")
        .check(classes);
  }

  @Test
  void onlyTheCliPrints() {
    noClasses().that().resideOutsideOfPackage("org.nianbao.cli..")
        .and().doNotHaveSimpleName("WorkerMain")
        .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
        .check(classes);
  }
}
