package org.ordinateurssolidaires.testing;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Starts the apps under test from a class-data-sharing archive of their own classes (the JDK's AppCDS, as Spring
 * Boot documents it): the JVM maps the classes a start loads instead of reading, verifying and parsing them again.
 * On the CI machine a command side then starts in 9 s instead of 14, a query side in 14 s instead of 26, and the
 * end-to-end tests start the apps some forty times. The same classes, JIT and heap; what differs is the launch:
 * the extracted jars on a plain class path, not the packaged jar through Spring Boot's launcher, which the tests
 * of the auditor's command line (DatabaseRolesIT, WholeLifeAcrossBothAppsIT) still start as production does.
 * <p>
 * The archive is made once per build of a jar: the jar is extracted to plain jars (Spring Boot's
 * {@code -Djarmode=tools extract}; an archive needs a class path of plain jars), then started once on a database of
 * its own with {@code spring.context.exit=onRefresh}, which stops it as soon as it has started, and the JVM writes
 * what it loaded at exit, under {@code classDataSharingDirectory}: the build's, where the query side's module makes
 * its archive for the deploy module's tests too. If either step fails the app is started from its jar as it is, with
 * a warning: slower, never different.
 */
final class ClassDataSharing {

    private static final Map<File, List<String>> LAUNCHES = new HashMap<>();

    private ClassDataSharing() {
    }

    /**
     * What follows {@code java} to start the jar: {@code -XX:SharedArchiveFile=… -jar <extracted jar>}, or
     * {@code -jar <jar>}. {@code trainingSettings} start it on PostgreSQL, for the run that makes the archive.
     */
    static synchronized List<String> launch(File jar, Supplier<List<String>> trainingSettings) {
        return LAUNCHES.computeIfAbsent(jar.getAbsoluteFile(), absolute -> prepared(absolute, trainingSettings));
    }

    private static List<String> prepared(File jar, Supplier<List<String>> trainingSettings) {
        // an archive is only good for the JDK that wrote it
        File directory = new File(System.getProperty("classDataSharingDirectory",
                new File(System.getProperty("logDirectory", "target"), "class-data-sharing").getPath()),
                jar.getName().replaceAll("\\.jar$", "") + "-java-" + System.getProperty("java.vm.version")
                        .replaceAll("[^A-Za-z0-9.]", "_")).getAbsoluteFile();
        File extracted = new File(directory, jar.getName());
        File archive = new File(directory, "classes.jsa");
        if (archive.lastModified() > jar.lastModified()) {
            return withArchive(archive, extracted);
        }
        File log = new File(directory.getParentFile(), directory.getName() + ".log");
        try {
            deleteRecursively(directory);
            run(log, List.of("java", "-Djarmode=tools", "-jar", jar.getPath(), "extract", "--destination",
                    directory.getPath()));
            List<String> training = new ArrayList<>(List.of("java", "-Xmx512m", "-XX:ArchiveClassesAtExit=" + archive,
                    "-Dspring.context.exit=onRefresh", "-jar", extracted.getPath(), "--server.port=0"));
            training.addAll(trainingSettings.get());
            run(log, training);
            if (archive.isFile()) {
                return withArchive(archive, extracted);
            }
            System.err.println("No class-data-sharing archive for " + jar + " (see " + log + "): started as it is");
        } catch (IOException | InterruptedException | RuntimeException failed) { // PostgreSQL out of reach, too
            if (failed instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            System.err.println("No class-data-sharing archive for " + jar + " (" + failed + ", see " + log
                    + "): started as it is");
        }
        return List.of("-jar", jar.getPath());
    }

    private static List<String> withArchive(File archive, File extracted) {
        return List.of("-XX:SharedArchiveFile=" + archive.getPath(), "-jar", extracted.getPath());
    }

    private static void run(File log, List<String> command) throws IOException, InterruptedException {
        log.getParentFile().mkdirs();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                                                     .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                                                     .start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new IOException(String.join(" ", command.subList(0, 3)) + "… took over 3 minutes");
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command.subList(0, 3)) + "… exited with " + process.exitValue());
        }
    }

    private static void deleteRecursively(File file) throws IOException {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteRecursively(child);
            }
        }
        if (file.exists() && !file.delete()) {
            throw new IOException("cannot delete " + file);
        }
    }
}
