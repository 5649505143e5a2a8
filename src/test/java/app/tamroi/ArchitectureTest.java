package app.tamroi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The domain stays plain Java, so the status rule can be replayed, tested and reused anywhere; the
 * direction of every import points inwards, from adapters to use cases to the domain.
 */
@AnalyzeClasses(packages = "app.tamroi", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theDomainUsesNoFramework = noClasses()
            .that().resideInAPackage("app.tamroi.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.quarkus..", "jakarta..", "org.hibernate..", "io.smallrye..", "io.vertx..", "com.fasterxml..")
            .because("the status rule is plain Java: records, enums and java.time");

    @ArchTest
    static final ArchRule theDomainKnowsNothingOfTheLayersAroundIt = noClasses()
            .that().resideInAPackage("app.tamroi.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "app.tamroi.usecase..", "app.tamroi.adapter..", "app.tamroi.infra..")
            .because("use cases and adapters depend on the domain, never the other way round");

    @ArchTest
    static final ArchRule useCasesKnowNothingOfAdapters = noClasses()
            .that().resideInAPackage("app.tamroi.usecase..")
            .should().dependOnClassesThat().resideInAPackage("app.tamroi.adapter..")
            .because("a use case is called by adapters and must not care which one");

    @ArchTest
    static final ArchRule useCasesSpeakNoJson = noClasses()
            .that().resideInAPackage("app.tamroi.usecase..")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml..")
            .because("how a timeline or an event is written on the wire or in a row is the adapters' business; "
                    + "a use case takes it already read");

    @ArchTest
    static final ArchRule incomingAdaptersDoNotReachIntoOutgoingOnes = noClasses()
            .that().resideInAPackage("app.tamroi.adapter.in..")
            .should().dependOnClassesThat().resideInAPackage("app.tamroi.adapter.out..")
            .because("a request reaches storage only through a use case");
}
