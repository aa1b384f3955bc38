package dev.baton.web;

import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Credentials of the users every Spring Boot test has (see {@code TestUsersSetup}): the demo
 * users with a password the production policy accepts, and the admin of
 * src/test/resources/config/application.yaml.
 */
public final class TestUsers {

    public static final String PASSWORD = "Relay#Runner-2026";
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "Relay#Keeper-2026";
    public static final String PROJECT_MANAGER = "pat";

    private TestUsers() {
    }

    public static TestRestTemplate as(TestRestTemplate rest, String user) {
        return ADMIN.equals(user) ? asAdmin(rest) : rest.withBasicAuth(user, PASSWORD);
    }

    public static TestRestTemplate asAdmin(TestRestTemplate rest) {
        return rest.withBasicAuth(ADMIN, ADMIN_PASSWORD);
    }
}
