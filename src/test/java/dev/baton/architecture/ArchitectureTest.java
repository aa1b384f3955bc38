package dev.baton.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way (DESIGN.md, layout): the gate pattern is generic and knows no
 * campaign; campaign code uses the gate; notifications react to gate events and never call back
 * into campaign or setup code; the ledger is plain persistence under all of them.
 */
class ArchitectureTest {

    private static final JavaClasses BATON = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.baton");

    @Test
    void theGatePatternKnowsNoCampaignAndCallsNoNotification() {
        check(noClasses().that().resideInAPackage("dev.baton.gate..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.baton.campaign..", "dev.baton.notification..",
                        "dev.baton.setup..", "dev.baton.metrics..", "dev.baton.security..", "dev.baton.reliability..")
                .because("a gate is declared in the model; what is campaign-specific lives in campaign, "
                        + "and notifications listen to GateEvents"));
    }

    @Test
    void theLedgerDependsOnNothingAboveIt() {
        check(noClasses().that().resideInAPackage("dev.baton.ledger..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.baton.gate..", "dev.baton.campaign..",
                        "dev.baton.notification..", "dev.baton.setup..", "dev.baton.metrics..", "dev.baton.security..")
                .because("the ledger stores what the gates record and is read by metrics; it decides nothing"));
    }

    @Test
    void notificationsReactToGateEventsWithoutCallingBack() {
        check(noClasses().that().resideInAPackage("dev.baton.notification..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.baton.campaign..", "dev.baton.setup..",
                        "dev.baton.metrics..")
                .because("notifications hear of gates through GateEvents and of campaigns through the calls campaign makes"));
    }

    @Test
    void theGateServiceIsNotCalledByNotifications() {
        check(noClasses().that().resideInAPackage("dev.baton.notification..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Service")
                .andShould().dependOnClassesThat().haveSimpleName("HandoffLedger")
                .because("a notification records nothing in the ledger and drives no gate"));
    }

    @Test
    void metricsReadTheLedgerButDriveNoProcess() {
        check(noClasses().that().resideInAPackage("dev.baton.metrics..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.baton.notification..", "dev.baton.setup..")
                .orShould().dependOnClassesThat().haveSimpleName("GateService"));
    }

    private static void check(ArchRule rule) {
        rule.check(BATON);
    }
}
