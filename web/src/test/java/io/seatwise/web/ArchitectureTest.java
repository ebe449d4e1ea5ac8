package io.seatwise.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * One direction of dependency: web → command-side, query-side → shared-events; the API module stays plain. Inside
 * web, the features never see which database runs (that is the storage's business), and no two top-level packages
 * need each other.
 */
@AnalyzeClasses(packages = "io.seatwise", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule commandSideKnowsNeitherQuerySideNorWeb = noClasses()
            .that()
            .resideInAPackage("io.seatwise.command..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.seatwise.query..", "io.seatwise.web..");

    @ArchTest
    static final ArchRule querySideKnowsNeitherCommandSideNorWeb = noClasses()
            .that()
            .resideInAPackage("io.seatwise.query..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.seatwise.command..", "io.seatwise.web..");

    @ArchTest
    static final ArchRule apiKnowsNoOtherModule = noClasses()
            .that()
            .resideInAPackage("io.seatwise.api..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.seatwise.command..", "io.seatwise.query..", "io.seatwise.web..");

    @ArchTest
    static final ArchRule apiUsesNeitherSpringNorJpa = noClasses()
            .that()
            .resideInAPackage("io.seatwise.api..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "org.hibernate..");

    /**
     * The two things features ask the storage for that neither Spring nor Axon has a type for: running the first
     * start's seeding on one node only ({@code demo}), and keeping generated secrets ({@code security}, {@code ticket}).
     * Both are plain interfaces whose implementations the database's configuration picks.
     */
    private static final DescribedPredicate<JavaClass> STORAGE_INTERFACES_FOR_FEATURES = DescribedPredicate.describe(
            "the storage's NodeLock or KeptSecrets",
            type -> type.getName().equals("io.seatwise.web.storage.NodeLock")
                    || type.getName().equals("io.seatwise.web.storage.KeptSecrets"));

    /** Every feature, the plumbing of {@code infra} and the command and query sides: all but the storage itself. */
    @ArchTest
    static final ArchRule featuresDoNotKnowTheDatabase = noClasses()
            .that()
            .resideOutsideOfPackage("io.seatwise.web.storage..")
            .should()
            .dependOnClassesThat(DescribedPredicate.and(
                    JavaClass.Predicates.resideInAPackage("io.seatwise.web.storage.."),
                    DescribedPredicate.not(STORAGE_INTERFACES_FOR_FEATURES)));

    @ArchTest
    static final ArchRule webPackagesAreFreeOfCycles =
            slices().matching("io.seatwise.web.(*)..").should().beFreeOfCycles();
}
