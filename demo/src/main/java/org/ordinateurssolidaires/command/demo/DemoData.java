package org.ordinateurssolidaires.command.demo;

import org.ordinateurssolidaires.command.ceremony.CeremonyRequests.Held;
import org.ordinateurssolidaires.command.ceremony.CeremonyRequests.Invite;
import org.ordinateurssolidaires.command.ceremony.CeremonyRequests.Scheduled;
import org.ordinateurssolidaires.command.device.DeviceRequests.AddMedium;
import org.ordinateurssolidaires.command.device.DeviceRequests.Allocate;
import org.ordinateurssolidaires.command.device.DeviceRequests.CancelAllocation;
import org.ordinateurssolidaires.command.device.DeviceRequests.Destroy;
import org.ordinateurssolidaires.command.device.DeviceRequests.HandOver;
import org.ordinateurssolidaires.command.device.DeviceRequests.MediumAdded;
import org.ordinateurssolidaires.command.device.DeviceRequests.NewStorageMedium;
import org.ordinateurssolidaires.command.device.DeviceRequests.QualityCheck;
import org.ordinateurssolidaires.command.device.DeviceRequests.Receive;
import org.ordinateurssolidaires.command.device.DeviceRequests.Received;
import org.ordinateurssolidaires.command.device.DeviceRequests.Recycle;
import org.ordinateurssolidaires.command.device.DeviceRequests.Refurbish;
import org.ordinateurssolidaires.command.device.DeviceRequests.RemoveMedium;
import org.ordinateurssolidaires.command.device.DeviceRequests.Return;
import org.ordinateurssolidaires.command.device.DeviceRequests.Sanitise;
import org.ordinateurssolidaires.command.device.DeviceRule;
import org.ordinateurssolidaires.command.donor.DonorRequests.Commitments;
import org.ordinateurssolidaires.command.donor.DonorRequests.Register;
import org.ordinateurssolidaires.command.donor.DonorRequests.Registered;
import org.ordinateurssolidaires.command.donor.DonorRequests.Sign;
import org.ordinateurssolidaires.command.referral.ReferralRequests.Contact;
import org.ordinateurssolidaires.command.referral.ReferralRequests.Decision;
import org.ordinateurssolidaires.command.referral.ReferralRequests.Explained;
import org.ordinateurssolidaires.command.referral.ReferralRequests.PartnerRegistered;
import org.ordinateurssolidaires.command.referral.ReferralRequests.Person;
import org.ordinateurssolidaires.command.referral.ReferralRequests.Submit;
import org.ordinateurssolidaires.command.referral.ReferralRequests.Submitted;
import org.ordinateurssolidaires.command.rules.RuleViolation;
import org.ordinateurssolidaires.command.web.CommandOrigin;
import org.ordinateurssolidaires.command.account.AccountRequests.AccountAccess;
import org.ordinateurssolidaires.command.account.AccountRule;
import org.ordinateurssolidaires.command.account.Accounts;
import org.ordinateurssolidaires.command.account.SecretFiles;
import org.ordinateurssolidaires.web.security.Role;
import org.ordinateurssolidaires.events.Sha256;
import org.ordinateurssolidaires.events.device.DestructionMethod;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.MediaType;
import org.ordinateurssolidaires.events.device.QualityGrade;
import org.ordinateurssolidaires.events.device.SanitisationLevel;
import org.ordinateurssolidaires.events.device.SanitisationTechnique;
import org.ordinateurssolidaires.events.device.VerificationMethod;
import org.ordinateurssolidaires.events.donor.DonorKind;
import org.ordinateurssolidaires.events.referral.EligibilityCriterion;
import org.ordinateurssolidaires.events.referral.PartnerKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.http.ProblemDetail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.ordinateurssolidaires.events.device.DeviceCategory.DESKTOP;
import static org.ordinateurssolidaires.events.device.DeviceCategory.LAPTOP;
import static org.ordinateurssolidaires.events.device.DeviceCategory.TABLET;
import static org.ordinateurssolidaires.events.device.MediaType.EMBEDDED_FLASH;
import static org.ordinateurssolidaires.events.device.MediaType.HARD_DISK_DRIVE;
import static org.ordinateurssolidaires.events.device.MediaType.NVME_SSD;
import static org.ordinateurssolidaires.events.device.MediaType.SATA_SSD;
import static org.ordinateurssolidaires.events.donor.DonorKind.COMPANY;
import static org.ordinateurssolidaires.events.donor.DonorKind.PUBLIC_BODY;
import static org.ordinateurssolidaires.events.referral.EligibilityCriterion.FAMILY_WITH_CHILDREN_WITHOUT_COMPUTER;
import static org.ordinateurssolidaires.events.referral.EligibilityCriterion.JOB_SEEKER;
import static org.ordinateurssolidaires.events.referral.EligibilityCriterion.OTHER_FAMILY_FOLLOWED_BY_SOCIAL_WORKER;
import static org.ordinateurssolidaires.events.referral.EligibilityCriterion.STUDENT;
import static org.ordinateurssolidaires.events.referral.PartnerKind.ASSOCIATION;
import static org.ordinateurssolidaires.events.referral.PartnerKind.JOB_CENTRE;
import static org.ordinateurssolidaires.events.referral.PartnerKind.SOCIAL_SERVICES;
import static org.springframework.http.MediaType.APPLICATION_JSON;

/**
 * Seeds some three hundred donated computers when the app is started with {@code --demo}, so that a new user
 * finds a lived-in system rather than an empty one: devices at every step, from just received to handed over,
 * with the failed sanitisations, shredded disks, failed quality checks, returns and recyclings of real life.
 * <p>
 * It goes through the app's own HTTP command API, as any client would, so every validation and business rule
 * applies to the demo data too: the donors are registered with their agreements first, and the partners of the
 * steering committee; each device is allocated to a household a partner referred and staff accepted, for that kind
 * of device; the ceremonies are scheduled, attended and recorded as held. Other households are still on the
 * waiting list, and a few referrals were rejected or withdrawn. The data set is reproducible (a fixed random seed,
 * timestamps over the past ten months counted back from now) and seeded once: if the first device's asset tag is
 * already taken, it stops.
 */
@Component
@ConditionalOnProperty(name = "demo")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private static final long SEED = 86_000L;
    private static final String USER = "demo-seeder";
    private static final String ASSET_TAG = "OS-2026-%04d";
    private static final ZoneId POITIERS = ZoneId.of("Europe/Paris");
    /** The council's deliberation adopting the model donation agreement. */
    private static final String MODEL_AGREEMENT = "2023-0208";

    // The donors and their agreements are registered before the first device, so before the check that the demo
    // data is already there: a later run sends them again, identical (fixed dates, not counted back from now)
    // and under the same command ids, which the API acknowledges without recording anything twice. Signed before
    // the first batch (290 days before the run) and open-ended, the agreements are in force whenever it runs.
    private static final Donor BANK = new Donor(new Register("Banque Régionale du Centre-Ouest", COMPANY,
            "44218736500022", "Hélène Garnier", "helene.garnier@banque-rco.fr"),
            agreement("Olivier Lambert", "Directeur des systèmes d'information", LocalDate.of(2026, 1, 13)));
    private static final Donor INSURER = new Donor(new Register("Mutuelle Atlantique Prévoyance", COMPANY,
            "77531209300047", "Marc Rousseau", "mecenat@mutuelle-atlantique.fr"),
            agreement("Anne Mercier", "Directrice de la RSE", LocalDate.of(2026, 1, 27)));
    private static final Donor CITY = new Donor(new Register("Ville de Poitiers - Direction du numérique",
            PUBLIC_BODY, "21860194600013", "Sophie Marchand", "sophie.marchand@poitiers.fr"),
            agreement("Claire Dumont", "Adjointe au maire déléguée au numérique", LocalDate.of(2025, 11, 18)));
    private static final Donor UNIVERSITY = new Donor(new Register("Université de Poitiers", PUBLIC_BODY,
            "19860756600017", "Laurent Petit", "dons-informatique@univ-poitiers.fr"),
            agreement("Isabelle Bernard", "Directrice générale des services", LocalDate.of(2025, 12, 9)));

    // The partners too are registered before the check, under fixed command ids; the referrals only after it.
    private static final Partner CCAS = new Partner("CCAS de Poitiers", SOCIAL_SERVICES);
    private static final Partner FRANCE_TRAVAIL = new Partner("France Travail Poitiers", JOB_CENTRE);
    private static final Partner SECOURS_POPULAIRE = new Partner("Secours populaire de la Vienne", ASSOCIATION);
    private static final Partner STUDENT_SOCIAL_SERVICE =
            new Partner("Université de Poitiers - service social", PartnerKind.UNIVERSITY);
    private static final Partner TROIS_CITES = new Partner("Maison de quartier des Trois-Cités", ASSOCIATION);
    private static final List<Partner> PARTNERS =
            List.of(CCAS, FRANCE_TRAVAIL, SECOURS_POPULAIRE, STUDENT_SOCIAL_SERVICE, TROIS_CITES);

    /** The person the programme deals with at each partner (made-up people, example.org addresses). */
    private static final Map<Partner, Contact> PARTNER_CONTACTS = Map.of(
            CCAS, new Contact("Nadia Benali", "travailleuse sociale", "n.benali@example.org", null),
            FRANCE_TRAVAIL, new Contact("Julien Moreau", "conseiller", "j.moreau@example.org", null),
            SECOURS_POPULAIRE, new Contact("Martine Roux", "bénévole référente", null, "05 49 00 00 01"),
            STUDENT_SOCIAL_SERVICE, new Contact("Sophie Lambert", "assistante sociale", "s.lambert@example.org", null),
            TROIS_CITES, new Contact("Karim Haddad", "animateur", "k.haddad@example.org", "05 49 00 00 02"));

    /** Whom the partners refer, how often, and who refers them: families with children first, students last. */
    private static final List<Household> HOUSEHOLDS = List.of(
            new Household(FAMILY_WITH_CHILDREN_WITHOUT_COMPUTER, 5, 1, 5, 2,
                    List.of(CCAS, SECOURS_POPULAIRE, TROIS_CITES)),
            new Household(JOB_SEEKER, 3, 0, 2, 2, List.of(FRANCE_TRAVAIL, CCAS)),
            new Household(OTHER_FAMILY_FOLLOWED_BY_SOCIAL_WORKER, 2, 0, 3, 2,
                    List.of(CCAS, SECOURS_POPULAIRE, TROIS_CITES)),
            new Household(STUDENT, 1, 0, 0, 1, List.of(STUDENT_SOCIAL_SERVICE)));
    /** Households still waiting for a device, besides those whose allocation fell through. */
    private static final int WAITING_HOUSEHOLDS = 25;
    private static final int REJECTED_REFERRALS = 4;
    private static final int WITHDRAWN_REFERRALS = 3;

    // '#' in a serial pattern stands for a random digit or capital
    private static final Drive SEAGATE_500 = new Drive(HARD_DISK_DRIVE, "Seagate", "ST500LM030", 500, "ZDE#####");
    private static final Drive WD_500 =
            new Drive(HARD_DISK_DRIVE, "Western Digital", "WD5000LPLX", 500, "WXB1A#######");
    private static final Drive SEAGATE_1000 = new Drive(HARD_DISK_DRIVE, "Seagate", "ST1000DM010", 1000, "Z9A#####");
    private static final Drive SAMSUNG_PM871B = new Drive(SATA_SSD, "Samsung", "MZ7LN256HAJQ", 256, "S3TZNX0K######");
    private static final Drive HYNIX_SC311 = new Drive(SATA_SSD, "SK hynix", "HFS256G39TND", 256, "EJ7#########");
    private static final Drive SAMSUNG_PM981 = new Drive(NVME_SSD, "Samsung", "MZVLB256HAHQ", 256, "S4DXNF0M######");
    private static final Drive SAMSUNG_PM981_512 =
            new Drive(NVME_SSD, "Samsung", "MZVLB512HAJQ", 512, "S4DYNX0N######");
    private static final Drive TOSHIBA_BG3 = new Drive(NVME_SSD, "Toshiba", "KBG30ZMV256G", 256, "98IS########");
    private static final Drive HYNIX_PC401 = new Drive(NVME_SSD, "SK hynix", "HFS256GD9TNG", 256, "ES88N#######");
    private static final Drive IPAD_FLASH = new Drive(EMBEDDED_FLASH, "Apple", "embedded NAND", 32, null);
    /** Fitted from the workshop's stock in place of a shredded disk. */
    private static final Drive STOCK_SSD = new Drive(SATA_SSD, "Crucial", "CT240BX500SSD1", 240, "2049E4######");

    private static final Model LATITUDE_5490 = new Model(LAPTOP, "Dell", "Latitude 5490", "#######",
            List.of(List.of(HYNIX_SC311), List.of(TOSHIBA_BG3), List.of(SEAGATE_500)));
    private static final Model LATITUDE_7480 = new Model(LAPTOP, "Dell", "Latitude 7480", "#######",
            List.of(List.of(SAMSUNG_PM981), List.of(TOSHIBA_BG3)));
    private static final Model ELITEBOOK_840_G5 = new Model(LAPTOP, "HP", "EliteBook 840 G5", "5CG8######",
            List.of(List.of(SAMSUNG_PM981), List.of(SAMSUNG_PM981_512), List.of(HYNIX_PC401)));
    private static final Model PROBOOK_450_G5 = new Model(LAPTOP, "HP", "ProBook 450 G5", "5CD8######",
            List.of(List.of(WD_500), List.of(TOSHIBA_BG3, WD_500)));
    private static final Model THINKPAD_T480 = new Model(LAPTOP, "Lenovo", "ThinkPad T480", "PF1#####",
            List.of(List.of(SAMSUNG_PM981), List.of(TOSHIBA_BG3), List.of(SAMSUNG_PM981, SEAGATE_500)));
    private static final Model THINKPAD_L470 = new Model(LAPTOP, "Lenovo", "ThinkPad L470", "PF0#####",
            List.of(List.of(SEAGATE_500), List.of(SAMSUNG_PM871B)));
    private static final Model LIFEBOOK_E548 = new Model(LAPTOP, "Fujitsu", "Lifebook E548", "DSAE######",
            List.of(List.of(SAMSUNG_PM871B)));
    private static final Model THINKCENTRE_M720Q = new Model(DESKTOP, "Lenovo", "ThinkCentre M720q", "MJ0#####",
            List.of(List.of(SAMSUNG_PM981), List.of(HYNIX_PC401, SEAGATE_500)));
    private static final Model PRODESK_600_G4 = new Model(DESKTOP, "HP", "ProDesk 600 G4 SFF", "CZC8######",
            List.of(List.of(SAMSUNG_PM871B, SEAGATE_1000), List.of(SEAGATE_1000)));
    private static final Model ESPRIMO_D556 = new Model(DESKTOP, "Fujitsu", "Esprimo D556", "YLNT######",
            List.of(List.of(SEAGATE_1000), List.of(SEAGATE_500)));
    private static final Model OPTIPLEX_7060 = new Model(DESKTOP, "Dell", "OptiPlex 7060 SFF", "#######",
            List.of(List.of(SAMSUNG_PM981), List.of(HYNIX_SC311, SEAGATE_1000)));
    private static final Model IPAD_6 = new Model(TABLET, "Apple", "iPad 6e génération (A1893)", "DMPX########",
            List.of(List.of(IPAD_FLASH)));
    private static final Model IPAD_7 = new Model(TABLET, "Apple", "iPad 7e génération (A2197)", "DMPZ########",
            List.of(List.of(IPAD_FLASH)));

    /** Oldest first: the asset tags follow the order of arrival. */
    private static final List<Batch> BATCHES = List.of(
            new Batch(CITY, "LIV-2026-002", 290,
                    List.of(lot(24, LATITUDE_5490), lot(12, ESPRIMO_D556), lot(4, IPAD_6))),
            new Batch(UNIVERSITY, "LIV-2026-004", 270,
                    List.of(lot(12, PROBOOK_450_G5), lot(8, ESPRIMO_D556), lot(5, OPTIPLEX_7060))),
            new Batch(BANK, "LIV-2026-006", 250, List.of(lot(30, ELITEBOOK_840_G5), lot(15, PRODESK_600_G4))),
            new Batch(INSURER, "LIV-2026-009", 200, List.of(lot(25, THINKPAD_T480), lot(10, THINKCENTRE_M720Q))),
            new Batch(CITY, "LIV-2026-011", 150, List.of(lot(22, LATITUDE_7480), lot(8, IPAD_6))),
            new Batch(UNIVERSITY, "LIV-2026-014", 110,
                    List.of(lot(15, THINKPAD_L470), lot(6, LIFEBOOK_E548), lot(4, ESPRIMO_D556))),
            new Batch(INSURER, "LIV-2026-017", 75, List.of(lot(22, THINKPAD_T480), lot(8, THINKCENTRE_M720Q))),
            new Batch(BANK, "LIV-2026-021", 40, List.of(lot(24, ELITEBOOK_840_G5), lot(6, PRODESK_600_G4))),
            new Batch(CITY, "LIV-2026-024", 12, List.of(lot(20, LATITUDE_5490), lot(5, IPAD_7))),
            new Batch(UNIVERSITY, "LIV-2026-026", 4, List.of(lot(10, LIFEBOOK_E548), lot(5, THINKPAD_L470))));

    // in these lists, an entry given twice is chosen twice as often
    private static final Map<DeviceCategory, Workbench> WORKBENCHES = Map.of(
            LAPTOP, new Workbench("Nettoyé, pâte thermique renouvelée, batterie, clavier, écran et ports testés",
                    List.of("Linux Mint 22.1 Cinnamon", "Linux Mint 22.1 Cinnamon",
                            "Windows 11 Pro (licence reconditionneur)"),
                    List.of(new QualityIssue("la batterie ne tient plus que 38 % de sa capacité d'origine",
                                    "batterie remplacée"),
                            new QualityIssue("trois touches du clavier ne répondent pas", "clavier remplacé"),
                            new QualityIssue("pixels morts au milieu de l'écran", "dalle remplacée"))),
            DESKTOP, new Workbench("Dépoussiéré, mémoire portée à 16 Go, ventilateurs et ports testés",
                    List.of("Linux Mint 22.1 Cinnamon", "Windows 11 Pro (licence reconditionneur)"),
                    List.of(new QualityIssue("les ports USB de la façade ne fonctionnent pas",
                                    "carte USB de façade remplacée"),
                            new QualityIssue("erreurs de mémoire sous memtest86+", "barrette défectueuse remplacée"))),
            TABLET, new Workbench("Nettoyée, écran, caméras, haut-parleurs et batterie testés",
                    List.of("iPadOS 17.7"),
                    List.of(new QualityIssue("l'écran tactile ne réagit pas dans un coin", "vitre tactile remplacée"),
                            new QualityIssue("la batterie ne tient plus que 61 % de sa capacité d'origine",
                                    "batterie remplacée"))));

    private static final List<String> OPERATORS =
            List.of("Mathilde Roux", "Karim Benali", "Théo Lefèvre", "Inès Dubois");
    private static final List<String> TECHNICIANS =
            List.of("Julien Moreau", "Camille Fournier", "Yanis Girard", "Élodie Faure");
    private static final List<String> INSPECTORS = List.of("Nathalie Perrin", "Antoine Chevalier");
    private static final List<QualityGrade> GRADES =
            List.of(QualityGrade.A, QualityGrade.B, QualityGrade.B, QualityGrade.C);
    private static final List<String> CONDITION_NOTES = List.of("légères rayures sur le capot", "sans chargeur",
            "batterie usée", "patins manquants", "étiquette d'inventaire du donateur encore collée", "bon état");
    private static final List<String> DAMAGE_NOTES = List.of("écran fêlé, charnière cassée",
            "ne s'allume pas", "liquide renversé sous le clavier", "châssis tordu, coin enfoncé");
    private static final List<String> CANCELLATION_REASONS = List.of("le foyer a déménagé hors du territoire",
            "orientation close : le foyer n'a plus besoin d'ordinateur", "le foyer a demandé une tablette");
    private static final List<String> RETURN_REASONS = List.of(
            "l'enfant a reçu entre-temps un portable de son collège",
            "le foyer préfère un ordinateur de bureau avec un plus grand écran", "le foyer part à l'étranger");
    /** Recorded only when another household was ahead in line. */
    private static final String OUT_OF_TURN =
            "le partenaire a demandé d'équiper ce foyer en premier : situation urgente";

    /** What the households on the waiting list need. */
    private static final List<DeviceCategory> NEEDS = List.of(LAPTOP, LAPTOP, LAPTOP, DESKTOP, TABLET);
    private static final List<String> ACCESSIBILITY_NEEDS = List.of("clavier à gros caractères",
            "lecteur d'écran : le parent est malvoyant", "livraison à domicile : personne en fauteuil roulant");
    // made-up households: common first and last names combined at random
    private static final List<String> FIRST_NAMES = List.of("Nadia", "Sébastien", "Fatou", "Kevin", "Amandine",
            "Mohamed", "Sandrine", "Dylan", "Aïcha", "Grégory", "Océane", "Rachid", "Laetitia", "Jordan", "Mélanie",
            "Samir");
    private static final List<String> LAST_NAMES = List.of("Martin", "Bernardeau", "Diallo", "Texier", "Rivière",
            "Haddad", "Guérin", "Boucher", "Traoré", "Morin", "Renaudin", "Benhamou", "Gauthier", "Pasquier",
            "N'Diaye", "Chauvet");
    private static final List<String> REJECTION_REASONS = List.of(
            "le foyer habite hors de Grand Poitiers", "le foyer a déjà un ordinateur en état de marche",
            "orientation incomplète : la situation du foyer n'a pas pu être confirmée");
    private static final List<String> WITHDRAWAL_REASONS = List.of("le foyer a acheté un ordinateur entre-temps",
            "le foyer a déménagé hors du territoire", "le foyer n'a pas pu être joint");
    private static final String RECYCLER = "Envie 86";
    private static final String SHREDDER = "Atelier de Poitiers, broyeur de disques";
    /** Where the ceremonies take place, alternately month by month. */
    private static final List<String> CEREMONY_PLACES =
            List.of("Hôtel de Ville de Poitiers", "Salons de Blossac, Poitiers");

    private final RestClient.Builder restClients;
    private final Accounts accounts;
    private final String accountsFile;

    /** @param accountsFile where the demo accounts' passwords go, readable by the person running the demo only */
    DemoData(RestClient.Builder restClients, Accounts accounts,
             @Value("${ordinateurs.demo.accounts-file:data/demo-accounts}") String accountsFile) {
        this.restClients = restClients;
        this.accounts = accounts;
        this.accountsFile = accountsFile;
    }

    /**
     * Signs in as a staff account of its own, so that every event names the seeder; its password is random and
     * known to nobody, and the account is disabled once the seeding ends.
     */
    @EventListener
    void seed(ApplicationReadyEvent ready) {
        int port = ((WebServerApplicationContext) ready.getApplicationContext()).getWebServer().getPort();
        String password = accounts.openForAProgram(USER, new AccountAccess(List.of(Role.STAFF), null, null), USER);
        try {
            RestClient api = restClients.baseUrl("http://localhost:" + port)
                                        .defaultHeaders(headers -> headers.setBasicAuth(USER, password))
                                        .build();
            Seeding seeding = new Seeding(api, new Random(SEED), Instant.now().truncatedTo(ChronoUnit.SECONDS));
            seeding.run();
            openDemoAccounts(seeding.donorIds.get(BANK), seeding.partnerIds.get(CCAS));
        } finally {
            accounts.enable(USER, false, USER);
        }
    }

    /**
     * One account per role, so that whoever tries the demo sees each role's pages: staff, a donor (the bank), a
     * partner (the CCAS), an auditor. Their passwords are new at each start and written to the accounts file.
     */
    private void openDemoAccounts(UUID bank, UUID ccas) {
        Map<String, AccountAccess> demo = new LinkedHashMap<>();
        demo.put("demo-equipe", new AccountAccess(List.of(Role.STAFF), null, null));
        demo.put("demo-donateur", new AccountAccess(List.of(Role.DONOR), null, bank));
        demo.put("demo-partenaire", new AccountAccess(List.of(Role.PARTNER), ccas, null));
        demo.put("demo-auditeur", new AccountAccess(List.of(Role.AUDITOR), null, null));
        StringBuilder lines = new StringBuilder();
        demo.forEach((username, access) -> lines.append("%-16s %-8s %s%n".formatted(username,
                access.roles().iterator().next().code(), newPassword(username, access))));
        try {
            SecretFiles.writeForOwnerOnly(Path.of(accountsFile).toAbsolutePath(), lines.toString().strip());
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
        log.info("Demo accounts for each role opened; their passwords are in {}", Path.of(accountsFile).toAbsolutePath());
    }

    /**
     * The demo account opened again with a new password; the partner's stays off once staff deactivated the demo
     * partner (its accounts stopped with it), rather than keep the demo from starting again.
     */
    private String newPassword(String username, AccountAccess access) {
        try {
            return accounts.openForAProgram(username, access, USER);
        } catch (RuleViolation partnerDeactivated) {
            if (partnerDeactivated.rule() != AccountRule.ACCOUNT_OF_AN_ACTIVE_PARTNER) {
                throw partnerDeactivated;
            }
            log.info("Demo account {} left off: {}", username, partnerDeactivated.getMessage());
            return "(off: its partner was deactivated)";
        }
    }

    private static Lot lot(int count, Model model) {
        return new Lot(count, model);
    }

    /** An open-ended agreement on the council's model, in force from its signature, with all its commitments. */
    private static Sign agreement(String signatoryName, String signatoryRole, LocalDate signedOn) {
        return new Sign(MODEL_AGREEMENT, signatoryName, signatoryRole, signedOn, signedOn, null,
                new Commitments(true, true, true, true));
    }

    private static UUID uuidOf(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(String text) {
        return Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** What the workshop does per media type: what the auditor's default policy accepts (docs/erasure-audit.md). */
    private static ErasureMethod erasureMethodFor(MediaType mediaType) {
        return switch (mediaType) {
            case HARD_DISK_DRIVE, REMOVABLE_FLASH -> new ErasureMethod(SanitisationLevel.CLEAR,
                    SanitisationTechnique.OVERWRITE, "ShredOS nwipe", "0.37", VerificationMethod.FULL,
                    "la vérification a trouvé des secteurs illisibles");
            case SATA_SSD -> new ErasureMethod(SanitisationLevel.PURGE, SanitisationTechnique.BLOCK_ERASE,
                    "Blancco Drive Eraser", "7.13.0", VerificationMethod.FULL,
                    "le disque était verrouillé (security frozen) et a refusé l'effacement");
            case NVME_SSD -> new ErasureMethod(SanitisationLevel.PURGE, SanitisationTechnique.CRYPTOGRAPHIC_ERASE,
                    "nvme-cli", "2.9.1", VerificationMethod.FULL,
                    "l'effacement a été interrompu par une réinitialisation du contrôleur");
            case EMBEDDED_FLASH -> new ErasureMethod(SanitisationLevel.PURGE, SanitisationTechnique.CRYPTOGRAPHIC_ERASE,
                    "Blancco Mobile Diagnostics & Erasure", "6.4.1", VerificationMethod.SAMPLING,
                    "la tablette a redémarré pendant l'effacement");
        };
    }

    /** One run of the seeding: the random choices, the clock and the tallies. */
    private static final class Seeding {

        private static final String SERIAL_CHARACTERS = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";

        private final RestClient api;
        private final Random random;
        private final Instant now;
        private final List<Ceremony> ceremonies;
        /** The ceremonies scheduled so far, by date: each one when the first device is handed over there. */
        private final Map<LocalDate, CeremonyInProgress> scheduledCeremonies = new TreeMap<>();
        private final Map<Stage, Integer> devicesPerStage = new EnumMap<>(Stage.class);
        private Map<Partner, UUID> partnerIds = Map.of();
        private Map<Donor, UUID> donorIds = Map.of();
        private int referrals;
        private int destructionCertificates;
        private int recyclingCertificates;

        Seeding(RestClient api, Random random, Instant now) {
            this.api = api;
            this.random = random;
            this.now = now;
            this.ceremonies = monthlyCeremonies();
        }

        void run() {
            Instant started = Instant.now();
            donorIds = registerDonors();
            List<PlannedDevice> plan = plan(donorIds);
            partnerIds = registerPartners();
            PlannedDevice first = plan.get(0);
            Optional<DeviceInProgress> firstReceived = receiveUnlessTagTaken(first);
            if (firstReceived.isEmpty()) {
                log.info("Demo data already there (asset tag {} is taken): not seeding it again",
                        first.reception().assetTag());
                return;
            }
            log.info("Seeding {} demo devices through the command API", plan.size());
            live(firstReceived.get(), first.stage());
            plan.subList(1, plan.size()).forEach(device -> live(receive(device), device.stage()));
            scheduledCeremonies.values().forEach(this::recordHeld);
            referOtherHouseholds();
            log.info("Demo data seeded in {} s: {} devices, per final stage {}; {} ceremonies held; {} referrals "
                            + "from {} partners, of which {} waiting without a device, {} rejected and {} withdrawn",
                    "%.1f".formatted(Duration.between(started, Instant.now()).toMillis() / 1000.0), plan.size(),
                    devicesPerStage, scheduledCeremonies.size(), referrals, partnerIds.size(), WAITING_HOUSEHOLDS,
                    REJECTED_REFERRALS, WITHDRAWN_REFERRALS);
        }

        /** The last Saturday of each month, when the city hands devices over to households in a public ceremony. */
        private List<Ceremony> monthlyCeremonies() {
            LocalDate today = LocalDate.ofInstant(now, POITIERS);
            return IntStream.rangeClosed(0, 11)
                            .mapToObj(monthsAgo -> today.minusMonths(monthsAgo)
                                                        .with(TemporalAdjusters.lastInMonth(DayOfWeek.SATURDAY)))
                            .map(day -> new Ceremony(day, CEREMONY_PLACES.get(day.getMonthValue() % 2)))
                            .filter(ceremony -> ceremony.startsAt().isBefore(now))
                            .sorted(Comparator.comparing(Ceremony::date))
                            .toList();
        }

        /** Each donor in the order of its first batch, with its agreement; the donors' ids as the API gave them. */
        private Map<Donor, UUID> registerDonors() {
            Map<Donor, UUID> donorIds = new HashMap<>();
            BATCHES.stream().map(Batch::donor).distinct().forEach(donor -> donorIds.put(donor, register(donor)));
            return donorIds;
        }

        private UUID register(Donor donor) {
            String name = donor.registration().legalName();
            Registered registered = postOnce("donor " + name, "/api/donors", donor.registration()).body(Registered.class);
            postOnce("agreement " + name, "/api/donors/{donor}/agreements", donor.agreement(), registered.donorId())
                    .toBodilessEntity();
            return registered.donorId();
        }

        /** The partners' ids as the API gave them. */
        private Map<Partner, UUID> registerPartners() {
            Map<Partner, UUID> ids = new HashMap<>();
            PARTNERS.forEach(partner -> ids.put(partner, postOnce("partner " + partner.name(), "/api/partners",
                    partner).body(PartnerRegistered.class).partnerId()));
            PARTNER_CONTACTS.forEach((partner, contact) -> postOnce("contact at " + partner.name(),
                    "/api/partners/{partner}/contacts", contact, ids.get(partner)).toBodilessEntity());
            return ids;
        }

        private List<PlannedDevice> plan(Map<Donor, UUID> donorIds) {
            List<PlannedDevice> plan = new ArrayList<>();
            for (Batch batch : BATCHES) {
                for (Model model : batch.models()) {
                    plan.add(planDevice(batch, donorIds.get(batch.donor()), model,
                            ASSET_TAG.formatted(plan.size() + 1)));
                }
            }
            return plan;
        }

        private PlannedDevice planDevice(Batch batch, UUID donorId, Model model, String assetTag) {
            Stage stage = stageForBatchAged(batch.ageInDays());
            Timeline timeline = new Timeline(now.minus(batch.ageInDays(), ChronoUnit.DAYS));
            // every model lists its storage, the tablets' soldered flash included: no donor's statement is needed
            List<NewStorageMedium> media = oneOf(model.mediaConfigurations()).stream().map(this::newMedium).toList();
            var reception = new Receive(assetTag, donorId, batch.reference(), model.category(),
                    model.manufacturer(), model.name(), serial(model.serialPattern()), media, null,
                    conditionNotes(stage), timeline.after(0, 30));
            return new PlannedDevice(reception, stage, timeline);
        }

        private Stage stageForBatchAged(int ageInDays) {
            return oneOfWeighted(Arrays.stream(Stage.values()).filter(stage -> stage.fitsBatchAged(ageInDays)),
                    stage -> stage.weight);
        }

        private String conditionNotes(Stage stage) {
            if (stage == Stage.RECYCLED) {
                return oneOf(DAMAGE_NOTES);
            }
            return random.nextInt(3) == 0 ? null : oneOf(CONDITION_NOTES);
        }

        private NewStorageMedium newMedium(Drive drive) {
            return new NewStorageMedium(drive.mediaType(), drive.manufacturer(), drive.model(),
                    serial(drive.serialPattern()), drive.capacityGigabytes());
        }

        private Optional<DeviceInProgress> receiveUnlessTagTaken(PlannedDevice device) {
            try {
                return Optional.of(receive(device));
            } catch (HttpClientErrorException.Conflict conflict) {
                ProblemDetail problem = conflict.getResponseBodyAs(ProblemDetail.class);
                if (problem != null && problem.getProperties() != null
                        && DeviceRule.ASSET_TAG_UNIQUE.name().equals(problem.getProperties().get("rule"))) {
                    return Optional.empty();
                }
                throw conflict;
            }
        }

        private DeviceInProgress receive(PlannedDevice device) {
            Received received = post("/api/devices", device.reception()).body(Received.class);
            List<Medium> media = received.storageMedia().stream()
                                         .map(medium -> new Medium(medium.mediumId(), medium.mediaType()))
                                         .collect(Collectors.toCollection(ArrayList::new));
            return new DeviceInProgress(received.deviceId(), device.reception().donorId(),
                    device.reception().category(), device.timeline(), media, new ArrayList<>());
        }

        private void live(DeviceInProgress device, Stage stage) {
            List<Medium> media = device.media();
            switch (stage) {
                case RECEIVED -> { }
                case IN_SANITISATION -> media.subList(0, random.nextInt(1, media.size() + 1))
                                             .forEach(medium -> erase(device, medium));
                case SANITISATION_FAILED -> {
                    media.subList(0, media.size() - 1).forEach(medium -> erase(device, medium));
                    sanitise(device, media.get(media.size() - 1), false);
                }
                case RECYCLED -> {
                    media.forEach(medium -> erase(device, medium));
                    recycle(device);
                }
                default -> {
                    media.forEach(medium -> erase(device, medium));
                    followMainPath(device, stage);
                }
            }
            devicesPerStage.merge(stage, 1, Integer::sum);
        }

        /** Sanitises a medium; now and then the verification fails and the medium is dealt with. */
        private void erase(DeviceInProgress device, Medium medium) {
            if (random.nextInt(10) > 0) {
                sanitise(device, medium, true);
            } else {
                sanitise(device, medium, false);
                recoverFromFailedSanitisation(device, medium);
            }
        }

        /** A hard disk with unreadable sectors cannot be shown clean, so it is shredded; flash is erased again. */
        private void recoverFromFailedSanitisation(DeviceInProgress device, Medium medium) {
            if (medium.mediaType() == HARD_DISK_DRIVE) {
                shred(device, medium);
            } else {
                sanitise(device, medium, true);
            }
        }

        private void sanitise(DeviceInProgress device, Medium medium, boolean passed) {
            ErasureMethod method = erasureMethodFor(medium.mediaType());
            Instant performedAt = device.timeline().after(2, 96);
            String report = String.join("|", method.tool(), method.toolVersion(), medium.mediumId().toString(),
                    performedAt.toString(), passed ? "PASSED" : "FAILED");
            send("/api/devices/{device}/media/{medium}/sanitisations",
                    new Sanitise(method.level(), method.technique(), method.tool(), method.toolVersion(),
                            method.verification(), passed, passed ? null : method.typicalFailure(), oneOf(OPERATORS),
                            "Atelier de Poitiers, banc d'effacement " + random.nextInt(1, 4), performedAt,
                            sha256(report)),
                    device.id(), medium.mediumId());
        }

        private void shred(DeviceInProgress device, Medium medium) {
            String certificate = "PV-DES-2026-%04d".formatted(++destructionCertificates);
            send("/api/devices/{device}/media/{medium}/destruction", new Destroy(DestructionMethod.SHRED,
                    oneOf(OPERATORS), SHREDDER, certificate, device.timeline().after(24, 120)),
                    device.id(), medium.mediumId());
            device.shredded().add(medium);
        }

        private void recycle(DeviceInProgress device) {
            String certificate = "ENV86-2026-%04d".formatted(++recyclingCertificates);
            send("/api/devices/{device}/recycling",
                    new Recycle(RECYCLER, certificate, device.timeline().after(72, 720)), device.id());
        }

        private void followMainPath(DeviceInProgress device, Stage stage) {
            Workbench workbench = WORKBENCHES.get(device.category());
            device.shredded().forEach(medium -> replace(device, medium));
            refurbish(device, workbench, workbench.workDone());
            if (stage == Stage.REFURBISHED) {
                if (random.nextBoolean()) {
                    failQualityCheck(device, workbench);
                }
                return;
            }
            passQualityCheck(device, workbench);
            if (stage.reaches(Stage.ALLOCATED)) {
                UUID referral = allocate(device);
                if (stage.reaches(Stage.HANDED_OVER)) {
                    handOver(device, referral);
                }
            }
            if (stage == Stage.RETURNED) {
                send("/api/devices/{device}/return",
                        new Return(oneOf(RETURN_REASONS), device.timeline().after(240, 1440)), device.id());
            }
        }

        /** Takes the shredded disk's carcass out and fits an SSD from stock, erased like any other medium. */
        private void replace(DeviceInProgress device, Medium shredded) {
            send("/api/devices/{device}/media/{medium}/removal",
                    new RemoveMedium("broyé après un effacement échoué", device.timeline().after(24, 72)),
                    device.id(), shredded.mediumId());
            MediumAdded added = post("/api/devices/{device}/media", new AddMedium(newMedium(STOCK_SSD),
                    "remplace le disque dur broyé", device.timeline().after(1, 24)), device.id())
                    .body(MediumAdded.class);
            erase(device, new Medium(added.mediumId(), STOCK_SSD.mediaType()));
        }

        private void refurbish(DeviceInProgress device, Workbench workbench, String workDone) {
            send("/api/devices/{device}/refurbishment", new Refurbish(workDone, oneOf(workbench.operatingSystems()),
                    oneOf(TECHNICIANS), device.timeline().after(24, 168)), device.id());
        }

        /** One device in eight fails its first check and is reworked before passing. */
        private void passQualityCheck(DeviceInProgress device, Workbench workbench) {
            if (random.nextInt(8) == 0) {
                QualityIssue issue = failQualityCheck(device, workbench);
                refurbish(device, workbench, "Reprise après le contrôle qualité : " + issue.fix());
            }
            send("/api/devices/{device}/quality-checks", new QualityCheck(true, oneOf(GRADES), null,
                    oneOf(INSPECTORS), device.timeline().after(4, 72)), device.id());
        }

        private QualityIssue failQualityCheck(DeviceInProgress device, Workbench workbench) {
            QualityIssue issue = oneOf(workbench.issues());
            send("/api/devices/{device}/quality-checks", new QualityCheck(false, null, issue.problem(),
                    oneOf(INSPECTORS), device.timeline().after(4, 72)), device.id());
            return issue;
        }

        /**
         * One allocation in fifteen falls through and the device goes to another household.
         *
         * @return the referral of the household that keeps the device
         */
        private UUID allocate(DeviceInProgress device) {
            if (random.nextInt(15) == 0) {
                allocateToNewReferral(device);
                send("/api/devices/{device}/allocation/cancellation",
                        new CancelAllocation(oneOf(CANCELLATION_REASONS), device.timeline().after(24, 240)),
                        device.id());
            }
            return allocateToNewReferral(device);
        }

        private UUID allocateToNewReferral(DeviceInProgress device) {
            Instant allocatedAt = device.timeline().after(24, 336);
            UUID referral = acceptedReferral(device.category(), allocatedAt);
            // a household whose allocation fell through may be back in line ahead of it: staff then say why
            send("/api/devices/{device}/allocation", new Allocate(referral, OUT_OF_TURN, allocatedAt), device.id());
            return referral;
        }

        /** A household referred three days to two months before, and accepted a day or two after its referral. */
        private UUID acceptedReferral(DeviceCategory need, Instant acceptedBefore) {
            Instant submittedAt = acceptedBefore.minus(random.nextLong(72, 60 * 24), ChronoUnit.HOURS);
            UUID referral = refer(need, submittedAt);
            send("/api/referrals/{referral}/acceptance",
                    new Decision(submittedAt.plus(random.nextLong(1, 48), ChronoUnit.HOURS)), referral);
            return referral;
        }

        private UUID refer(DeviceCategory need, Instant submittedAt) {
            Household household = oneOfWeighted(HOUSEHOLDS.stream(), Household::weight);
            int children = random.nextInt(household.minChildren(), household.maxChildren() + 1);
            int adults = random.nextInt(1, household.maxAdults() + 1);
            String accessibilityNeeds = random.nextInt(12) == 0 ? oneOf(ACCESSIBILITY_NEEDS) : null;
            // 06 39 98 is the range the telecoms regulator (ARCEP) sets aside for fiction; one number per household,
            // or the programme would take two of them for one household already equipped
            var person = new Person(oneOf(FIRST_NAMES) + " " + oneOf(LAST_NAMES),
                    "06 39 98 %02d %02d".formatted(referrals / 100 % 100, referrals % 100), null, null);
            referrals++;
            return post("/api/partners/{partner}/referrals", new Submit(household.criterion(), adults + children,
                    children, need, accessibilityNeeds, person, null, null, submittedAt),
                    partnerIds.get(oneOf(household.referrers()))).body(Submitted.class).referralId();
        }

        /** The waiting list beyond the allocated devices, and referrals that never reached it or left it. */
        private void referOtherHouseholds() {
            IntStream.range(0, WAITING_HOUSEHOLDS).forEach(household -> acceptedReferral(oneOf(NEEDS), now));
            IntStream.range(0, REJECTED_REFERRALS).forEach(referral -> closedReferral("rejection", REJECTION_REASONS));
            IntStream.range(0, WITHDRAWN_REFERRALS)
                     .forEach(referral -> closedReferral("withdrawal", WITHDRAWAL_REASONS));
        }

        /** A referral rejected by staff or withdrawn by its partner, a few days after it was submitted. */
        private void closedReferral(String closure, List<String> reasons) {
            Instant submittedAt = now.minus(random.nextLong(4 * 24, 200 * 24), ChronoUnit.HOURS);
            UUID referral = refer(oneOf(NEEDS), submittedAt);
            send("/api/referrals/{referral}/" + closure,
                    new Explained(oneOf(reasons), submittedAt.plus(random.nextLong(24, 72), ChronoUnit.HOURS)),
                    referral);
        }

        /**
         * Half the households collect their device at a ceremony, if one comes soon (as it opens, so on its day);
         * the others at the workshop.
         */
        private void handOver(DeviceInProgress device, UUID referral) {
            Optional<CeremonyInProgress> ceremony = random.nextBoolean()
                    ? ceremonyWithinThreeWeeksOf(device.timeline().current()).map(this::scheduled)
                    : Optional.empty();
            Instant handedOverAt = ceremony.map(chosen -> device.timeline().jumpTo(chosen.ceremony().startsAt()))
                                           .orElseGet(() -> device.timeline().after(48, 240));
            send("/api/devices/{device}/hand-over",
                    new HandOver(true, ceremony.map(CeremonyInProgress::id).orElse(null), handedOverAt), device.id());
            ceremony.ifPresent(chosen -> chosen.handedOver(device.donorId(), referral));
        }

        private Optional<Ceremony> ceremonyWithinThreeWeeksOf(Instant allocatedAt) {
            Instant threeWeeksLater = allocatedAt.plus(Duration.ofDays(21));
            return ceremonies.stream()
                             .filter(ceremony -> ceremony.startsAt().isAfter(allocatedAt))
                             .filter(ceremony -> ceremony.startsAt().isBefore(threeWeeksLater))
                             .findFirst();
        }

        /** The ceremony as scheduled through the API, the first time a device is to be handed over there. */
        private CeremonyInProgress scheduled(Ceremony ceremony) {
            return scheduledCeremonies.computeIfAbsent(ceremony.date(), date -> {
                Scheduled created = postOnce("ceremony " + date, "/api/ceremonies", ceremony).body(Scheduled.class);
                return new CeremonyInProgress(created.ceremonyId(), ceremony, new LinkedHashSet<>(), new HashSet<>());
            });
        }

        /** Once its hand-overs are recorded: the donors invited to the ceremony, and that it was held. */
        private void recordHeld(CeremonyInProgress ceremony) {
            send("/api/ceremonies/{ceremony}/invitations", new Invite(List.copyOf(ceremony.donors())),
                    ceremony.id());
            int donorsPresent = random.nextInt(1, ceremony.donors().size() + 1); // not every invited donor comes
            send("/api/ceremonies/{ceremony}/held", new Held(ceremony.households().size(), donorsPresent),
                    ceremony.id());
        }

        private void send(String path, Object body, Object... uriVariables) {
            post(path, body, uriVariables).toBodilessEntity();
        }

        private RestClient.ResponseSpec post(String path, Object body, Object... uriVariables) {
            return request(path, body, uriVariables).retrieve();
        }

        /**
         * Sends a creation under a command id fixed by its name: sent again, identical, by a later run, it is
         * acknowledged with the same id instead of creating a twin.
         */
        private RestClient.ResponseSpec postOnce(String name, String path, Object body, Object... uriVariables) {
            return request(path, body, uriVariables)
                    .header(CommandOrigin.COMMAND_ID_HEADER, uuidOf(SEED + " " + name).toString())
                    .retrieve();
        }

        private RestClient.RequestBodySpec request(String path, Object body, Object... uriVariables) {
            return api.post().uri(path, uriVariables).contentType(APPLICATION_JSON).body(body);
        }

        private String serial(String pattern) {
            if (pattern == null) {
                return null;
            }
            return pattern.chars()
                          .mapToObj(c -> c == '#'
                                  ? String.valueOf(SERIAL_CHARACTERS.charAt(random.nextInt(SERIAL_CHARACTERS.length())))
                                  : String.valueOf((char) c))
                          .collect(Collectors.joining());
        }

        private <T> T oneOf(List<T> choices) {
            return choices.get(random.nextInt(choices.size()));
        }

        private <T> T oneOfWeighted(Stream<T> choices, ToIntFunction<T> weight) {
            return oneOf(choices.flatMap(choice -> Collections.nCopies(weight.applyAsInt(choice), choice).stream())
                                .toList());
        }

        /** One device's clock: each step comes some hours after the previous one, and always before now. */
        private final class Timeline {

            private Instant current;

            Timeline(Instant start) {
                current = start;
            }

            Instant current() {
                return current;
            }

            /** Some time after the previous step; never more than half the time left until now. */
            Instant after(int minHours, int maxHours) {
                long wanted = random.nextLong(minHours * 3600L, maxHours * 3600L + 1);
                long halfTheTimeLeft = Duration.between(current, now).toSeconds() / 2;
                current = current.plusSeconds(Math.min(wanted, halfTheTimeLeft));
                return current;
            }

            Instant jumpTo(Instant later) {
                current = later;
                return current;
            }
        }

        private record PlannedDevice(Receive reception, Stage stage, Timeline timeline) {
        }

        private record DeviceInProgress(UUID id, UUID donorId, DeviceCategory category, Timeline timeline,
                                        List<Medium> media, List<Medium> shredded) {
        }

        /** A scheduled ceremony, and the donors and households whose devices were handed over there. */
        private record CeremonyInProgress(UUID id, Ceremony ceremony, Set<UUID> donors, Set<UUID> households) {

            void handedOver(UUID donor, UUID household) {
                donors.add(donor);
                households.add(household);
            }
        }
    }

    /**
     * Where a device's story stops, how common that is, and for batches of which ages (in days) it is plausible.
     * The main path, from {@link #REFURBISHED} on, is declared in order.
     */
    private enum Stage {
        RECEIVED(10, 0, 30),
        IN_SANITISATION(8, 1, 45),
        SANITISATION_FAILED(4, 2, 60),
        RECYCLED(4, 20, 365),
        REFURBISHED(10, 10, 100),
        READY(12, 15, 200),
        ALLOCATED(10, 20, 150),
        HANDED_OVER(40, 30, 365),
        RETURNED(3, 60, 365);

        private final int weight;
        private final int minAgeInDays;
        private final int maxAgeInDays;

        Stage(int weight, int minAgeInDays, int maxAgeInDays) {
            this.weight = weight;
            this.minAgeInDays = minAgeInDays;
            this.maxAgeInDays = maxAgeInDays;
        }

        boolean fitsBatchAged(int ageInDays) {
            return ageInDays >= minAgeInDays && ageInDays <= maxAgeInDays;
        }

        boolean reaches(Stage other) {
            return compareTo(other) >= 0;
        }
    }

    private record Donor(Register registration, Sign agreement) {
    }

    /** A partner of the steering committee; also the body of the request that registers it. */
    private record Partner(String name, PartnerKind kind) {
    }

    /**
     * A kind of household the partners refer, chosen in proportion to its weight: its children, from one adult up to
     * {@code maxAdults}, and the partners that refer such households.
     */
    private record Household(EligibilityCriterion criterion, int weight, int minChildren, int maxChildren,
                             int maxAdults, List<Partner> referrers) {
    }

    private record Drive(MediaType mediaType, String manufacturer, String model, int capacityGigabytes,
                         String serialPattern) {
    }

    /** A computer model and the media configurations it comes with. */
    private record Model(DeviceCategory category, String manufacturer, String name, String serialPattern,
                         List<List<Drive>> mediaConfigurations) {
    }

    private record Lot(int count, Model model) {
    }

    /** A delivery from a donor, received {@code ageInDays} ago. */
    private record Batch(Donor donor, String reference, int ageInDays, List<Lot> lots) {

        List<Model> models() {
            return lots.stream().flatMap(lot -> Collections.nCopies(lot.count(), lot.model()).stream()).toList();
        }
    }

    private record ErasureMethod(SanitisationLevel level, SanitisationTechnique technique, String tool,
                                 String toolVersion, VerificationMethod verification, String typicalFailure) {
    }

    /** How the workshop refurbishes one category of device, and what its quality check may find. */
    private record Workbench(String workDone, List<String> operatingSystems, List<QualityIssue> issues) {
    }

    private record QualityIssue(String problem, String fix) {
    }

    /** A ceremony, starting at ten in the morning; also the body of the request that schedules it. */
    private record Ceremony(LocalDate date, String place) {

        Instant startsAt() {
            return date.atTime(10, 0).atZone(POITIERS).toInstant();
        }
    }

    private record Medium(UUID mediumId, MediaType mediaType) {
    }
}
