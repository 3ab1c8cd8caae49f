package org.ordinateurssolidaires.web.testing;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks on the access rules of an app's operations, as the running app registered them. */
public final class AccessRules {

    private AccessRules() {
    }

    /**
     * Every operation of the app's own controllers (in the package given) states who may call it: an operation
     * without a rule would be open to every signed-in role, a partner's or a donor's included.
     */
    public static void assertEveryOperationStatesWhoMayCallIt(RequestMappingHandlerMapping operations,
                                                              String appPackage) {
        List<String> withoutRule = operations.getHandlerMethods().entrySet().stream()
                .filter(operation -> operation.getValue().getBeanType().getPackageName().startsWith(appPackage))
                .filter(operation -> !hasRule(operation.getValue()))
                .map(operation -> operation.getKey() + " " + operation.getValue())
                .toList();
        assertThat(withoutRule).as("operations without @PreAuthorize").isEmpty();
        assertThat(operations.getHandlerMethods().values()).as("the app's operations were found")
                .anyMatch(operation -> operation.getBeanType().getPackageName().startsWith(appPackage));
    }

    private static boolean hasRule(HandlerMethod operation) {
        return AnnotatedElementUtils.hasAnnotation(operation.getMethod(), PreAuthorize.class)
               || AnnotatedElementUtils.hasAnnotation(operation.getBeanType(), PreAuthorize.class);
    }
}
