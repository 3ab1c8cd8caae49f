package org.ordinateurssolidaires.events;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.ceremony.CeremonyEvent;
import org.ordinateurssolidaires.events.device.DeviceEvent;
import org.ordinateurssolidaires.events.donor.DonationBatchEvent;
import org.ordinateurssolidaires.events.donor.DonorEvent;
import org.ordinateurssolidaires.events.referral.PartnerEvent;
import org.ordinateurssolidaires.events.referral.ReferralEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class PublishedLanguageRulesTest {

    private final JavaClasses published = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ordinateurssolidaires.events");

    @Test
    void dependsOnNeitherSpringNorPersistence() {
        noClasses().should().dependOnClassesThat()
                   .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "java.sql..", "org.hibernate..")
                   .check(published);
    }

    @Test
    void everyEventIsAnImmutableRecordWithARevision() {
        classes().that().implement(DeviceEvent.class)
                 .or().implement(DonorEvent.class)
                 .or().implement(CeremonyEvent.class)
                 .or().implement(DonationBatchEvent.class)
                 .or().implement(PartnerEvent.class)
                 .or().implement(ReferralEvent.class)
                 .should().beRecords()
                 .andShould().beAnnotatedWith(Revision.class)
                 .check(published);
    }
}
