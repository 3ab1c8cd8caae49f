package org.ordinateurssolidaires.events;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.ordinateurssolidaires.events.device.AssetTag;
import org.ordinateurssolidaires.events.donor.Siret;
import org.ordinateurssolidaires.events.serialization.EventSerialization;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored form of every event is a published contract: these files hold, byte for byte, what the serializer
 * wrote for a sample of each event type (and of the metadata) when they were committed. The serializer must still
 * write exactly those bytes and read them back to the same event — through any upgrade of Jackson, Axon or the
 * platform. A new event type gets its file by running this test once with {@code -Dgolden.write=true}, which writes
 * missing files only and never rewrites one: a file that no longer matches means the stored form changed, which
 * needs a new revision and an upcaster, not a new file.
 */
class GoldenEventFilesTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden-events");
    private static final boolean WRITE_MISSING = Boolean.getBoolean("golden.write");
    private static final Instant MOMENT = Instant.parse("2026-03-02T09:15:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private final Serializer serializer = EventSerialization.serializer();

    @TestFactory
    Stream<DynamicTest> everyEventTypeIsWrittenAndReadAsItsGoldenFile() {
        return eventTypes().stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
            Object sample = sample(type, "event");
            String revision = type.getAnnotation(Revision.class).value();
            Path file = GOLDEN.resolve(type.getSimpleName() + ".rev" + revision + ".json");
            byte[] written = serializer.serialize(sample, byte[].class).getData();

            assertThat(golden(file, written)).as("%s as stored", file).isEqualTo(new String(written, StandardCharsets.UTF_8));
            SerializedObject<byte[]> stored = new SimpleSerializedObject<>(Files.readAllBytes(file), byte[].class,
                    new SimpleSerializedType(type.getName(), revision));
            assertThat((Object) serializer.deserialize(stored)).isEqualTo(sample);
        }));
    }

    /**
     * The golden file of every earlier revision is still read, through the upcasters, as the current revision's
     * sample: a revision's upcaster turns the stored form into the next one, and the samples name each value after
     * its component, so that what an upcaster keeps keeps its value and what it leaves out is gone.
     */
    @TestFactory
    Stream<DynamicTest> everyEarlierRevisionIsReadAsTheCurrentOne() throws IOException {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        eventTypes().forEach(type -> types.put(type.getSimpleName(), type));
        try (Stream<Path> files = Files.list(GOLDEN)) {
            return files.map(file -> file.getFileName().toString())
                        .filter(name -> name.matches("\\w+\\.rev\\w+\\.json")).sorted()
                        .map(name -> name.split("\\."))
                        .filter(name -> !name[1].equals("rev" + types.get(name[0]).getAnnotation(Revision.class).value()))
                        .map(name -> DynamicTest.dynamicTest(name[0] + " " + name[1], () -> {
                            Class<?> type = types.get(name[0]);
                            DomainEventData<byte[]> stored = new GenericDomainEventEntry<>("Aggregate", "aggregate-1",
                                    0, "event-1", MOMENT, type.getName(), name[1].substring("rev".length()),
                                    Files.readAllBytes(GOLDEN.resolve(String.join(".", name))),
                                    "{}".getBytes(StandardCharsets.UTF_8));
                            List<IntermediateEventRepresentation> upcast = EventSerialization.upcasters()
                                    .upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();

                            assertThat(upcast).hasSize(1);
                            IntermediateEventRepresentation read = upcast.get(0);
                            assertThat(read.getType().getRevision())
                                    .isEqualTo(type.getAnnotation(Revision.class).value());
                            assertThat((Object) serializer.deserialize(read.getData())).isEqualTo(sample(type, "event"));
                        }))
                        .toList().stream();
        }
    }

    @Test
    void metadataIsWrittenAndReadAsItsGoldenFile() throws IOException {
        // in one fixed order: the order of a map's keys is the map's, not the serializer's
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put(EventMetadata.USER_ID, "camille");
        entries.put(EventMetadata.USER_ROLE, "staff");
        entries.put(EventMetadata.CORRELATION_ID, "5f1c1f5e-0000-4000-8000-00000000c0c0");
        entries.put(EventMetadata.CAUSATION_ID, "5f1c1f5e-0000-4000-8000-00000000ca05");
        entries.put(EventMetadata.COMMAND_ID, "5f1c1f5e-0000-4000-8000-00000000c0de");
        MetaData metaData = MetaData.from(entries);
        Path file = GOLDEN.resolve("metadata.json");
        byte[] written = serializer.serialize(metaData, byte[].class).getData();

        assertThat(golden(file, written)).isEqualTo(new String(written, StandardCharsets.UTF_8));
        SerializedObject<byte[]> stored = new SimpleSerializedObject<>(Files.readAllBytes(file), byte[].class,
                new SimpleSerializedType(MetaData.class.getName(), null));
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(metaData);
    }

    /** Every event of the published language: the records that carry a revision. */
    private static List<Class<?>> eventTypes() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                                      .importPackages("org.ordinateurssolidaires.events").stream()
                                      .filter(type -> type.isAnnotatedWith(Revision.class))
                                      .map(JavaClass::reflect)
                                      .sorted(Comparator.comparing(Class::getName))
                                      .toList();
    }

    private static String golden(Path file, byte[] written) throws IOException {
        if (!Files.exists(file) && WRITE_MISSING) {
            Files.createDirectories(file.getParent());
            Files.write(file, written);
        }
        assertThat(file).as("golden file (run once with -Dgolden.write=true for a new event type)").exists();
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /**
     * A value for every component, the same on every run: ids derived from the component's name (so that a device's
     * and its donor's differ), text naming its component (with an accent, so that the files pin how non-ASCII text
     * is written), the first constant of an enum.
     */
    private static Object sample(Type type, String name) throws ReflectiveOperationException {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            return List.of(sample(list.getActualTypeArguments()[0], name + "[0]"));
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return name + " é";
        }
        if (raw == UUID.class) {
            return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        }
        if (raw == Instant.class) {
            return MOMENT;
        }
        if (raw == LocalDate.class) {
            return DAY;
        }
        if (raw == int.class || raw == Integer.class) {
            return 3;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw == AssetTag.class) {
            return new AssetTag("OS-2026-0001");
        }
        if (raw == Siret.class) {
            return new Siret("73282932000074");
        }
        if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) { // an id's one value is named after the id itself
                values[i] = sample(components[i].getGenericType(),
                        components.length == 1 ? name : components[i].getName());
            }
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return raw.getDeclaredConstructor(types).newInstance(values);
        }
        throw new IllegalArgumentException("no sample for " + type + " (" + name + "): add one here");
    }
}
