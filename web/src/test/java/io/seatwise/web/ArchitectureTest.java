package io.seatwise.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** One direction of dependency: web → command-side, query-side → shared-events; the API module stays plain. */
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
}
