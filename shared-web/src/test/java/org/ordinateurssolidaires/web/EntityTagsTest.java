package org.ordinateurssolidaires.web;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.web.EntityTags.Tag;
import org.springframework.web.ErrorResponseException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityTagsTest {

    @Test
    void readsEveryTagOfEveryLineWeakOrNot() {
        assertThat(EntityTags.of("If-Match", new String[] {"\"4\", W/\"5\"", ",\"a,b\",,"}))
                .containsExactly(new Tag(false, false, "\"4\""), new Tag(false, true, "\"5\""),
                        new Tag(false, false, "\"a,b\""));
        assertThat(EntityTags.of("If-Match", new String[] {" * "})).containsExactly(new Tag(true, false, null));
        assertThat(EntityTags.of("If-Match", new String[] {""})).as("sent empty").isEmpty();
    }

    @Test
    void notSentIsNone() {
        assertThat(EntityTags.of("If-Match", null)).isNull();
        assertThat(EntityTags.of("If-Match", new String[0])).isNull();
    }

    /** A version unquoted, a quote left open, text after a tag, * among others: no condition, 400 naming the header. */
    @Test
    void refusesWhatIsNoListOfTags() {
        for (String malformed : List.of("8", "\"8", "\"5\"garbage", "W/8", "* *", "\"4\" \"5\"", "*, \"5\"", "*, *")) {
            assertThatThrownBy(() -> EntityTags.of("If-None-Match", new String[] {malformed})).as(malformed)
                    .isInstanceOfSatisfying(ErrorResponseException.class, refused -> {
                        assertThat(refused.getStatusCode().value()).isEqualTo(400);
                        assertThat(refused.getBody().getProperties()).extractingByKey("errors").asString()
                                .contains("header=If-None-Match");
                    });
        }
    }
}
