package org.ordinateurssolidaires.command.config;

import org.axonframework.spring.config.SpringAggregateConfigurer;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Gives each aggregate's configurer the {@code filterEventsByType} its {@link Aggregate} annotation asks for. Axon's
 * Spring support (4.13, {@code SpringAggregateLookup}) passes the annotation's repository, cache and other attributes
 * to the configurer it registers, and not this one. Without it, a command addressed to the id of another kind of
 * record (a device's id in a donor's address) loaded that record's events into the aggregate, which could apply none
 * of them: a 500, where an aggregate that reads only the events of its own type finds none and answers 404.
 */
class AggregatesFilteredByType implements BeanFactoryPostProcessor {

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beans) {
        for (String name : beans.getBeanNamesForType(SpringAggregateConfigurer.class, true, false)) {
            BeanDefinition configurer = beans.getBeanDefinition(name);
            ValueHolder type = configurer.getConstructorArgumentValues().getIndexedArgumentValue(0, Class.class);
            Aggregate aggregate = type == null ? null
                    : AnnotatedElementUtils.findMergedAnnotation((Class<?>) type.getValue(), Aggregate.class);
            if (aggregate != null && aggregate.filterEventsByType()) {
                configurer.getPropertyValues().add("filterEventsByType", true);
            }
        }
    }
}
