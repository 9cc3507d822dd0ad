package eu.haven.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module boundaries of ARCHITECTURE.md. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("eu.haven");

    @Test
    void the_ledger_uses_the_jdk_only() {
        noClasses().that().resideInAPackage("eu.haven.ledger..")
            .should().dependOnClassesThat().resideOutsideOfPackages("eu.haven.ledger..", "java..", "javax..")
            .allowEmptyShould(true).check(CLASSES);
    }

    @Test
    void the_verifier_holds_only_the_tlog_code_and_the_event_format() {
        classes().that().resideInAnyPackage("eu.haven.verify..", "eu.haven.event..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "eu.haven.ledger..", "eu.haven.event..", "eu.haven.verify..",
                "picocli..")
            .check(CLASSES);
    }

    @Test
    void core_knows_no_http_no_jdbc_and_no_adapters() {
        noClasses().that().resideInAPackage("eu.haven.core..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "io.javalin..", "org.jdbi..",
                "org.flywaydb..", "com.zaxxer..", "eu.haven.store..", "eu.haven.web..", "eu.haven.app..", "jakarta.servlet..")
            .check(CLASSES);
    }

    @Test
    void the_web_module_does_not_reach_into_storage() {
        noClasses().that().resideInAPackage("eu.haven.web..")
            .should().dependOnClassesThat().resideInAnyPackage("eu.haven.store..", "org.jdbi..", "java.sql..", "eu.haven.app..")
            .check(CLASSES);
    }

    @Test
    void the_pages_and_the_api_are_apart_and_pages_never_call_the_api() {
        // Pages share the core services and the view models (web/me, web/i18n), never an API route or its JSON mapping.
        noClasses().that().resideInAPackage("eu.haven.web.page..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Routes").orShould().dependOnClassesThat()
            .haveFullyQualifiedName("eu.haven.web.Requests").orShould().dependOnClassesThat().haveFullyQualifiedName("eu.haven.web.Caller")
            .orShould().dependOnClassesThat().resideInAnyPackage("java.net.http..")
            .check(CLASSES);
        noClasses().that().resideOutsideOfPackage("eu.haven.web.page..").and().resideInAPackage("eu.haven.web..")
            .and().doNotHaveFullyQualifiedName("eu.haven.web.HavenApi")
            .should().dependOnClassesThat().resideInAPackage("eu.haven.web.page..").check(CLASSES);
    }

    @Test
    void the_navigator_shares_nothing_with_the_case_data() {
        // The public directory knows no person, consent, record, key or ledger: of core, it uses the error codes and,
        // to know who edits it, the staff accounts.
        noClasses().that().resideInAPackage("eu.haven.navigator..")
            .should().dependOnClassesThat().resideInAnyPackage("eu.haven.core.access..", "eu.haven.core.audit..",
                "eu.haven.core.casefile..", "eu.haven.core.caseload..", "eu.haven.core.code..", "eu.haven.core.consent..",
                "eu.haven.core.correction..", "eu.haven.core.crypto..", "eu.haven.core.erasure..", "eu.haven.core.person..",
                "eu.haven.core.policy..", "eu.haven.core.record..", "eu.haven.core.referral..", "eu.haven.core.rights..",
                "eu.haven.core.retention..", "eu.haven.core.alert..", "eu.haven.core.admin..",
                "eu.haven.ledger..", "eu.haven.store..", "eu.haven.web..", "eu.haven.app..", "java.sql..", "org.jdbi..", "io.javalin..")
            .check(CLASSES);
    }

    @Test
    void the_store_does_not_serve_http() {
        noClasses().that().resideInAPackage("eu.haven.store..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "eu.haven.web..", "eu.haven.app..")
            .check(CLASSES);
    }

    @Test
    void only_the_access_guard_asks_the_policy_engine() {
        noClasses().that().resideOutsideOfPackages("eu.haven.core.access..", "eu.haven.core.policy..")
            .should().callMethod(eu.haven.core.policy.PolicyEngine.class, "decide", eu.haven.core.policy.AccessRequest.class)
            .check(CLASSES);
    }

    @Test
    void the_features_of_core_depend_on_each_other_without_cycles() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices().matching("eu.haven.core.(*)..")
            .should().beFreeOfCycles().check(CLASSES);
    }
}
