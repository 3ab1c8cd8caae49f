package org.ordinateurssolidaires.command.rules;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule a command may be refused by is said in words on the pages, in French and in English: a refusal shown
 * beside its form otherwise reads as the API's English detail, with ids in it. The words are the query side's, which
 * draws the pages (read from its sources: the two apps share no code for them).
 */
class RulesInWordsTest {

    private static final Path PAGES_WORDS = Path.of("..", "query-side", "src", "main", "resources");

    /** And what a form names that does not exist, said as what it is ("Ce donateur n'existe pas"). */
    @Test
    void everyKindOfUnknownThingHasItsWordsInBothLanguages() throws Exception {
        for (String words : List.of("messages.properties", "messages_en.properties")) {
            Properties messages = properties(PAGES_WORDS.resolve(words));
            assertThat(UnknownEntity.Kind.values()).as(words).allSatisfy(kind ->
                    assertThat(messages.getProperty("rule.UNKNOWN." + kind)).as(kind.name()).isNotBlank());
        }
    }

    @Test
    void everyRuleHasItsWordsInBothLanguages() throws Exception {
        List<String> rules = rules();
        assertThat(rules).contains("ERASURE_POLICY", "SIRET_REGISTERED_ONCE", "DECIDED_ONCE");

        for (String words : List.of("messages.properties", "messages_en.properties")) {
            Properties messages = properties(PAGES_WORDS.resolve(words));
            assertThat(rules).as(words).allSatisfy(rule ->
                    assertThat(messages.getProperty("rule." + rule)).as(rule).isNotBlank());
        }
    }

    private static List<String> rules() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(BusinessRule.class));
        List<String> rules = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.ordinateurssolidaires.command")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (type.isEnum()) {
                Arrays.stream(type.getEnumConstants()).map(rule -> ((Enum<?>) rule).name()).forEach(rules::add);
            }
        }
        return rules;
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
