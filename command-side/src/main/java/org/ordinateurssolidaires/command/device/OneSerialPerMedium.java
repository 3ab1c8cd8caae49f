package org.ordinateurssolidaires.command.device;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.ordinateurssolidaires.command.web.AsPrinted;
import org.ordinateurssolidaires.events.device.MediumSerials;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The media listed for one device each have their own serial number: two with one serial are one medium listed
 * twice (a row copied in a spreadsheet), and its erasure would then be recorded against the wrong one. The second
 * is named ({@code storageMedia[1].serialNumber}), serials compared as a scanner may type them (case, spaces,
 * dashes).
 */
@Documented
@Constraint(validatedBy = OneSerialPerMedium.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface OneSerialPerMedium {

    String message() default "is the serial number of another medium of this device";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<OneSerialPerMedium, List<DeviceRequests.NewStorageMedium>> {

        private static final Pattern AS_PRINTED = Pattern.compile(AsPrinted.CHARACTERS);

        @Override
        public boolean isValid(List<DeviceRequests.NewStorageMedium> media, ConstraintValidatorContext context) {
            if (media == null) {
                return true;
            }
            Set<String> seen = new HashSet<>();
            boolean valid = true;
            for (int i = 0; i < media.size(); i++) {
                String given = media.get(i) == null ? null : media.get(i).serialNumber();
                if (given == null || !AS_PRINTED.matcher(given).matches()) {
                    continue; // refused at its own field already (AsPrinted): one refusal says what to change
                }
                String serial = MediumSerials.asScanned(given);
                if (serial != null && !seen.add(serial)) {
                    if (valid) {
                        context.disableDefaultConstraintViolation();
                    }
                    context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                           .addPropertyNode("serialNumber").inIterable().atIndex(i).addConstraintViolation();
                    valid = false;
                }
            }
            return valid;
        }
    }
}
