package org.ordinateurssolidaires.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Set;

/**
 * The API reads and writes its records in JSON only. A library on the class path (the OpenAPI description's YAML)
 * made Spring read YAML bodies too, into the same records, past every rule the JSON reader holds them to: a NUL and
 * a direction override stored in a donor's name, a key given twice, an unknown key, a number for a name. A body in
 * another notation is refused 415, and an answer asked in one 406.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class JsonOnly implements WebMvcConfigurer {

    /** The structured notations other than JSON that Jackson's modules read. */
    private static final Set<String> OTHER_NOTATIONS = Set.of("yaml", "x-yaml", "xml", "cbor", "x-jackson-smile",
            "protobuf", "x-protobuf", "avro", "cbor-seq");

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
        converters.configureMessageConvertersList(list -> list.removeIf(JsonOnly::readsAnotherNotation));
    }

    static boolean readsAnotherNotation(HttpMessageConverter<?> converter) {
        return converter.getSupportedMediaTypes().stream().map(MediaType::getSubtype)
                        .map(subtype -> subtype.substring(subtype.lastIndexOf('+') + 1))
                        .anyMatch(OTHER_NOTATIONS::contains);
    }
}
