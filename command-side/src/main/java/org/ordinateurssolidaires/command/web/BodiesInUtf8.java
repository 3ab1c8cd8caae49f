package org.ordinateurssolidaires.command.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * A JSON body read as UTF-8 text only if it is UTF-8 text. Jackson decodes an overlong form ({@code C0 AF} for
 * {@code /}) as the character it stands for, which no UTF-8 encoder writes and which filters upstream do not see as
 * that character: "Ov\xC0\xAFer" was stored as "Ov/er". Java's own decoder refuses it, and every other malformed
 * sequence; the body is then refused as a whole (400), before any of it is read into the request. JSON between
 * systems is UTF-8 (RFC 8259): a body declared in another charset is refused (415), not decoded as declared
 * ("Café" sent as ISO-8859-1 was stored as "CafÃ©"); one holding a NUL byte, which no JSON text holds and UTF-16
 * text does (Jackson took it for UTF-16, undeclared), is refused as text that is not UTF-8 (400).
 * <p>
 * Read whole before Jackson reads it, a body is bounded: a command's JSON is a few kilobytes at most (sixteen media
 * with their notes), so one beyond {@link #MAX_BYTES} is refused (413) before it fills the heap.
 */
@ControllerAdvice
class BodiesInUtf8 extends RequestBodyAdviceAdapter {

    static final int MAX_BYTES = 1024 * 1024;

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType)
            throws IOException {
        byte[] body = message.getBody().readNBytes(MAX_BYTES + 1); // never more, however much is sent
        if (body.length > MAX_BYTES) {
            throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                    "the request body is larger than the server takes (1 MB); a command's JSON is a few kilobytes");
        }
        MediaType type = message.getHeaders().getContentType();
        Charset declared = type == null ? null : type.getCharset();
        if (declared != null && !StandardCharsets.UTF_8.equals(declared)
            && !StandardCharsets.US_ASCII.equals(declared)) { // ASCII text is UTF-8 text
            throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "the request body is read as UTF-8 "
                    + "text only (RFC 8259): send it in UTF-8, with charset=utf-8 or no charset");
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException notUtf8) {
            throw new HttpMessageNotReadableException("the request body is not UTF-8 text", notUtf8, message);
        }
        for (byte character : body) {
            if (character == 0) { // UTF-16 all in ASCII is UTF-8 too: said as the other text that is none
                throw new HttpMessageNotReadableException("the request body is not UTF-8 text",
                        new CharacterCodingException(), message);
            }
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return message.getHeaders();
            }
        };
    }
}
