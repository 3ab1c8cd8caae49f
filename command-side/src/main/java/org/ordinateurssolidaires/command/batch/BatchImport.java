package org.ordinateurssolidaires.command.batch;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ordinateurssolidaires.command.device.AssetTagRegistry;
import org.ordinateurssolidaires.command.device.DeviceRequests.NewStorageMedium;
import org.ordinateurssolidaires.command.device.DeviceRequests.Receive;
import org.ordinateurssolidaires.command.device.DeviceRequests.StorageRemoval;
import org.ordinateurssolidaires.command.device.DeviceRule;
import org.ordinateurssolidaires.command.device.ReceiveDevice;
import org.ordinateurssolidaires.command.donor.DonorAgreements;
import org.ordinateurssolidaires.command.rules.RuleViolation;
import org.ordinateurssolidaires.command.web.CommandDispatcher;
import org.ordinateurssolidaires.command.web.CommandOrigin;
import org.ordinateurssolidaires.command.web.ProcessedCommands;
import org.ordinateurssolidaires.events.Sha256;
import org.ordinateurssolidaires.events.device.AssetTag;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.MediaType;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.donor.DonationBatchId;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.web.PlausibleTime;
import org.ordinateurssolidaires.web.StrictValues;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.ordinateurssolidaires.command.batch.BatchFile.Row.mediumColumn;

/**
 * Imports a donation batch file all or nothing. Every row is checked first, with the same constraints as a single
 * reception, and every problem is reported at once; a clean file is then received in one transaction, so a
 * failure half-way (a tag claimed meanwhile) leaves nothing behind either.
 */
@Component
class BatchImport {

    private static final Map<String, String> DEVICE_FIELDS = Map.of("assetTag", BatchFile.ASSET_TAG,
            "category", BatchFile.CATEGORY, "manufacturer", BatchFile.MANUFACTURER, "model", BatchFile.MODEL,
            "serialNumber", BatchFile.SERIAL_NUMBER, "conditionNotes", BatchFile.CONDITION_NOTES,
            "storageRemoval.statedBy", BatchFile.STORAGE_REMOVAL_STATED_BY,
            "storageRemoval.statedOn", BatchFile.STORAGE_REMOVAL_STATED_ON,
            "storageRemoval.documentReference", BatchFile.STORAGE_REMOVAL_DOCUMENT);
    private static final Map<String, String> MEDIUM_FIELDS = Map.of("mediaType", "type",
            "manufacturer", "manufacturer", "model", "model", "serialNumber", "serial",
            "capacityGigabytes", "capacity_gb");
    /** How an import's claim of its Idempotency-Key names it ({@link ProcessedCommands}). */
    private static final String IMPORT = "ImportDonationBatch";
    private static final Pattern MEDIUM_PATH = Pattern.compile("storageMedia\\[(\\d+)]\\.(\\w+)");
    /** ISO, or as a French spreadsheet shows a date once it has re-saved the file. */
    private static final List<DateTimeFormatter> DAYS =
            // strict: 31/02/2026 is no day, not the last of February
            List.of(DateTimeFormatter.ISO_LOCAL_DATE,
                    DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT));
    private static final String STORAGE_UNACCOUNTED_FOR = DeviceRule.STORAGE_ACCOUNTED_FOR_AT_RECEPTION.name()
            + ": list the device's storage, embedded storage included, or the donor's statement that it was removed ("
            + String.join(", ", BatchFile.STORAGE_REMOVAL_COLUMNS) + ")";
    private static final String STATEMENT_WITH_MEDIA = DeviceRule.STATEMENT_ONLY_WITHOUT_MEDIA.name()
            + ": a device whose storage media are listed takes no statement that its storage was removed";

    private final CommandDispatcher commands;
    private final ProcessedCommands processed;
    private final Validator validator;
    private final AssetTagRegistry assetTags;
    private final DonorAgreements agreements;
    private final EventStore eventStore;
    private final TransactionTemplate transaction;

    /**
     * @param timeout the whole file's transaction: longer than one command's (a file of {@value BatchFile#MAX_ROWS}
     *                devices took 10 s on the embedded default, where one command has 10 s), and still well below
     *                the 60 s after which the query side's readers give up waiting for the events it holds back
     */
    BatchImport(CommandDispatcher commands, ProcessedCommands processed, Validator validator, AssetTagRegistry assetTags,
                DonorAgreements agreements, EventStore eventStore, TransactionTemplate transaction,
                @Value("${ordinateurs.batches.import-timeout:40s}") Duration timeout) {
        this.commands = commands;
        this.processed = processed;
        this.validator = validator;
        this.assetTags = assetTags;
        this.agreements = agreements;
        this.eventStore = eventStore;
        this.transaction = new TransactionTemplate(transaction.getTransactionManager());
        this.transaction.setTimeout(Math.toIntExact(timeout.toSeconds()));
    }

    /** What was received: the batch, and each device with its media ids, in the file's order. */
    record Imported(UUID batchId, List<ReceiveDevice> devices) {
    }

    /** What a retry of an import under the same Idempotency-Key repeats: the same file, for the same delivery. */
    private record Delivery(UUID donorId, String reference, Instant receivedAt, String fileSha256) {
    }

    Imported importBatch(DonorId donor, String reference, Instant receivedAt, String file, CommandOrigin origin) {
        var batchId = DonationBatchId.of(donor, reference);
        var delivery = new Delivery(donor.value(), reference, receivedAt,
                Sha256.hex(file.getBytes(StandardCharsets.UTF_8)));
        Optional<Imported> retried = recordedBefore(batchId, delivery, file, origin);
        if (retried.isPresent()) {
            return retried.get();
        }
        agreements.requireInForce(donor, receivedAt);
        int alreadyIn = agreements.devicesIn(batchId);
        if (alreadyIn > 0) { // or the same file, recorded meanwhile
            return recordedBefore(batchId, delivery, file, origin).orElseThrow(() -> new RuleViolation(
                    DeviceRule.DELIVERY_FILE_IS_WHOLE, "delivery " + reference + " already holds " + alreadyIn
                    + " device(s) received one by one: import the file under a reference of its own"));
        }
        List<RowProblem> problems = new ArrayList<>();
        List<Receive> requests = new ArrayList<>();
        Set<String> tagsInFile = new HashSet<>();
        for (BatchFile.Row row : BatchFile.rows(file)) {
            List<RowProblem> ofTheRow = new ArrayList<>();
            Receive request = request(row, donor, reference, receivedAt, ofTheRow);
            // a value that could not be read is reported once, not again as "must not be null"
            List<RowProblem> unreadable = List.copyOf(ofTheRow);
            validator.validate(request).stream().map(violation -> problem(row, violation))
                     .filter(problem -> unreadable.stream().noneMatch(known -> known.column().equals(problem.column())))
                     .forEach(ofTheRow::add);
            if (request.storageMedia().isEmpty() && request.storageRemoval() == null) {
                ofTheRow.add(RowProblem.of(row.number(), mediumColumn(1, "type"), "batch.storageUnaccounted",
                        STORAGE_UNACCOUNTED_FOR));
            } else if (!request.storageMedia().isEmpty() && request.storageRemoval() != null) {
                ofTheRow.add(RowProblem.of(row.number(), BatchFile.STORAGE_REMOVAL_COLUMNS.get(0),
                        "batch.statementWithMedia", STATEMENT_WITH_MEDIA));
            }
            if (request.assetTag() != null && !tagsInFile.add(request.assetTag())) {
                ofTheRow.add(RowProblem.of(row.number(), BatchFile.ASSET_TAG, "batch.tagTwice",
                        "appears twice in the file"));
            } else if (request.assetTag() != null && assetTags.isTaken(new AssetTag(request.assetTag()))) {
                ofTheRow.add(RowProblem.of(row.number(), BatchFile.ASSET_TAG, "batch.tagTaken",
                        "already on another device"));
            }
            // in the file's order of columns, as they are read along the row (not the validator's order)
            List<String> columns = List.copyOf(row.values().keySet());
            ofTheRow.sort(Comparator.comparingInt(problem -> columns.indexOf(problem.column())));
            problems.addAll(ofTheRow);
            requests.add(request);
        }
        if (!problems.isEmpty()) {
            // the same file sent again while the first was stored: its tags are taken by the first
            return recordedBefore(batchId, delivery, file, origin).orElseThrow(() -> new BatchRefused(problems));
        }
        List<ReceiveDevice> receptions = receptions(batchId, requests);
        CommandOrigin batchOrigin = origin.inConversation(batchId.toString());
        try {
            transaction.executeWithoutResult(status -> {
                if (origin.commandId() != null
                    && !processed.claim(origin.commandId(), origin.userId(), IMPORT, delivery)) {
                    return; // the same request, sent again before this one, was recorded meanwhile
                }
                receptions.forEach(reception -> commands.dispatch(reception, batchOrigin));
                commands.dispatch(new RecordDonationBatch(batchId, donor, reference, receivedAt,
                        receptions.stream().map(ReceiveDevice::deviceId).toList()), batchOrigin);
            });
        } catch (RuntimeException failure) {
            // the same batch sent again before the first was stored (a double click, a script's retry) fails on
            // whatever the first took first (a device's id, its asset tag): what it broke is this rule
            return recordedBefore(batchId, delivery, file, origin).orElseThrow(() -> failure);
        }
        return new Imported(batchId.value(), receptions);
    }

    /**
     * The answer the import made when this same request was recorded, under its Idempotency-Key (a retry); refused
     * by the rule if the batch was recorded by another request; empty if it was not recorded.
     */
    private Optional<Imported> recordedBefore(DonationBatchId batchId, Delivery delivery, String file,
                                              CommandOrigin origin) {
        // the batch first: it is stored in the claim's transaction, so once it is seen, so is the claim (asked the
        // other way round, a copy could miss the claim, then see the batch the first copy stored meanwhile)
        if (eventStore.lastSequenceNumberFor(batchId.toString()).isEmpty()) {
            return Optional.empty();
        }
        if (origin.commandId() != null
            && processed.claimedBefore(origin.commandId(), origin.userId(), IMPORT, delivery)) {
            // every id follows from the batch and the row (reception)
            var donor = new DonorId(delivery.donorId());
            List<Receive> requests = BatchFile.rows(file).stream()
                    .map(row -> request(row, donor, delivery.reference(), delivery.receivedAt(), new ArrayList<>()))
                    .toList();
            return Optional.of(new Imported(batchId.value(), receptions(batchId, requests)));
        }
        throw new RuleViolation(DonationBatchRule.BATCH_RECORDED_ONCE,
                "donor " + delivery.donorId() + " already has a batch " + delivery.reference());
    }

    private static List<ReceiveDevice> receptions(DonationBatchId batchId, List<Receive> requests) {
        return IntStream.range(0, requests.size()).mapToObj(i -> reception(batchId, i, requests.get(i))).toList();
    }

    /** The row as a reception request; a value that cannot even be read is reported and left empty. */
    private static Receive request(BatchFile.Row row, DonorId donor, String reference, Instant receivedAt,
                                   List<RowProblem> problems) {
        List<NewStorageMedium> media = new ArrayList<>();
        for (int medium = 1; medium <= BatchFile.MAX_MEDIA; medium++) {
            int n = medium;
            boolean described = BatchFile.MEDIUM_FIELDS.stream().anyMatch(field -> row.get(mediumColumn(n, field)) != null);
            if (described) {
                media.add(new NewStorageMedium(
                        choice(row, mediumColumn(n, "type"), MediaType.class, problems),
                        row.get(mediumColumn(n, "manufacturer")), row.get(mediumColumn(n, "model")),
                        row.get(mediumColumn(n, "serial")), number(row, mediumColumn(n, "capacity_gb"), problems)));
            }
        }
        boolean removalStated = BatchFile.STORAGE_REMOVAL_COLUMNS.stream().anyMatch(column -> row.get(column) != null);
        StorageRemoval removal = removalStated ? new StorageRemoval(row.get(BatchFile.STORAGE_REMOVAL_STATED_BY),
                day(row, BatchFile.STORAGE_REMOVAL_STATED_ON, problems), row.get(BatchFile.STORAGE_REMOVAL_DOCUMENT))
                : null;
        return new Receive(row.get(BatchFile.ASSET_TAG), donor.value(), reference,
                choice(row, BatchFile.CATEGORY, DeviceCategory.class, problems), row.get(BatchFile.MANUFACTURER),
                row.get(BatchFile.MODEL), row.get(BatchFile.SERIAL_NUMBER), media, removal,
                row.get(BatchFile.CONDITION_NOTES), receivedAt);
    }

    private static LocalDate day(BatchFile.Row row, String column, List<RowProblem> problems) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        for (DateTimeFormatter format : DAYS) {
            LocalDate day;
            try {
                day = LocalDate.parse(value, format);
            } catch (DateTimeParseException notThisFormat) {
                continue; // try the next one
            }
            if (!PlausibleTime.contains(day)) {
                // as the API refuses it: 01/01/0001 or 1900 is a spreadsheet's empty date, not the donor's
                problems.add(RowProblem.of(row.number(), column, "batch.dayOutOfSpan", "must be between "
                        + PlausibleTime.EARLIEST_DAY + " and " + PlausibleTime.LATEST_DAY,
                        PlausibleTime.EARLIEST_DAY, PlausibleTime.LATEST_DAY));
                return null;
            }
            return day;
        }
        problems.add(RowProblem.of(row.number(), column, "batch.notADay", "must be a date, 2026-03-02 or 02/03/2026"));
        return null;
    }

    private static <E extends Enum<E>> E choice(BatchFile.Row row, String column, Class<E> type,
                                                List<RowProblem> problems) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase().replace(' ', '_'));
        } catch (IllegalArgumentException unknown) {
            String values = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            problems.add(RowProblem.of(row.number(), column, "batch.notOneOf", "must be one of " + values, values));
            return null;
        }
    }

    private static Integer number(BatchFile.Row row, String column, List<RowProblem> problems) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        try {
            return StrictValues.wholeNumber(value);
        } catch (IllegalArgumentException notANumber) {
            problems.add(RowProblem.of(row.number(), column, "batch.notAWholeNumber", "must be a whole number"));
            return null;
        }
    }

    /** The reception's constraint, told in the file's own column names. */
    private static RowProblem problem(BatchFile.Row row, ConstraintViolation<Receive> violation) {
        String path = violation.getPropertyPath().toString();
        Matcher medium = MEDIUM_PATH.matcher(path);
        String column = medium.matches()
                ? mediumColumn(Integer.parseInt(medium.group(1)) + 1, MEDIUM_FIELDS.getOrDefault(medium.group(2), medium.group(2)))
                : DEVICE_FIELDS.getOrDefault(path, path);
        return RowProblem.of(row.number(), column,
                violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
                violation.getMessage());
    }

    /** Ids follow from the batch and the row, so that every device of a batch is named the same way each time. */
    private static ReceiveDevice reception(DonationBatchId batch, int index, Receive request) {
        var deviceId = new DeviceId(id(batch, "device-" + index));
        List<StorageMedium> media = IntStream.range(0, request.storageMedia().size())
                .mapToObj(m -> request.storageMedia().get(m).withId(id(batch, "device-" + index + "-medium-" + m)))
                .toList();
        return new ReceiveDevice(deviceId, new AssetTag(request.assetTag()), new DonorId(request.donorId()),
                request.donationBatchReference(), request.category(), request.manufacturer(), request.model(),
                request.serialNumber(), media, request.storageRemovalStatement(), request.conditionNotes(),
                request.receivedAt());
    }

    private static UUID id(DonationBatchId batch, String purpose) {
        return UUID.nameUUIDFromBytes((batch + ":" + purpose).getBytes(StandardCharsets.UTF_8));
    }
}
