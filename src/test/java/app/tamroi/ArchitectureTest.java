package app.tamroi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

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

    @ArchTest
    static final ArchRule whatTheOutsideImplementsIsAPort = classes()
            .that().resideInAnyPackage("app.tamroi.adapter.out..", "app.tamroi.infra..")
            .should(implementOfTamroisOwnInterfacesOnlyPorts())
            .because("a use case declares what it needs of the outside in a port package, so a newcomer sees from "
                    + "the package which interfaces adapters implement");

    @ArchTest
    static final ArchRule aPortPackageHoldsOnlyPorts = classes()
            .that().resideInAPackage("app.tamroi.usecase..port..").and().areTopLevelClasses()
            .should().beInterfaces()
            .because("a port is an interface the use cases call and an adapter implements; logic lives beside it, not in it");

    private static ArchCondition<JavaClass> implementOfTamroisOwnInterfacesOnlyPorts() {
        return new ArchCondition<>("implement, of Tamroi's own interfaces, only ports (in a package named port)") {
            @Override
            public void check(JavaClass implementation, ConditionEvents events) {
                implementation.getRawInterfaces().stream()
                        .filter(i -> i.getPackageName().startsWith("app.tamroi."))
                        .filter(i -> !i.getPackageName().matches("app\\.tamroi\\.usecase(\\.\\w+)*\\.port"))
                        .forEach(i -> events.add(SimpleConditionEvent.violated(implementation,
                                implementation.getName() + " implements " + i.getName() + ", which is not in a port package")));
            }
        };
    }
}
