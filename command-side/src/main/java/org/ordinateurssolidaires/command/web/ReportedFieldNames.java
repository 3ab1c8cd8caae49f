package org.ordinateurssolidaires.command.web;

import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.spi.nodenameprovider.JavaBeanProperty;
import org.hibernate.validator.spi.nodenameprovider.Property;
import org.hibernate.validator.spi.nodenameprovider.PropertyNodeNameProvider;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import java.util.Arrays;

/**
 * Names a rule's violation after the field its {@code @AssertTrue} method says it is about ({@link ReportedOn}), in
 * every validation of the app: a JSON body's, a page form's, a batch file row's.
 */
@Component
class ReportedFieldNames implements PropertyNodeNameProvider, ValidationConfigurationCustomizer {

    @Override
    public void customize(jakarta.validation.Configuration<?> configuration) {
        if (configuration instanceof HibernateValidatorConfiguration hibernate) {
            hibernate.propertyNodeNameProvider(this);
        }
    }

    @Override
    public String getName(Property property) {
        if (property instanceof JavaBeanProperty bean) {
            String getter = "is" + StringUtils.capitalize(bean.getName());
            return Arrays.stream(bean.getDeclaringClass().getDeclaredMethods())
                         .filter(method -> method.getName().equals(getter) && method.getParameterCount() == 0)
                         .map(method -> method.getAnnotation(ReportedOn.class)).filter(reported -> reported != null)
                         .map(ReportedOn::value).findFirst().orElse(bean.getName());
        }
        return property.getName();
    }
}
