package org.ordinateurssolidaires.web.security;

/**
 * Where an app that serves pages signs people in with a form of its own, in the programme's words, instead of
 * Spring Security's generated one; an app declares it as a bean.
 */
public record SignInPage(String path) {
}
