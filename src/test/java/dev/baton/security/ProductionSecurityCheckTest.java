package dev.baton.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.BatonApplication;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Outside the demo profile, Baton does not start with a demo password or without an administrator. */
class ProductionSecurityCheckTest {

    @Test
    void refusesADemoAdminPassword() {
        assertThatThrownBy(() -> start("prod-demo-password", "camunda.bpm.admin-user.id=boss",
                "camunda.bpm.admin-user.password=demo"))
                .hasStackTraceContaining("Baton refuses to start outside the demo profile")
                .hasStackTraceContaining("the admin user 'boss' is configured with no or a demo password")
                .hasStackTraceContaining("CAMUNDA_BPM_ADMINUSER_PASSWORD");
    }

    @Test
    void refusesToRunWithoutAnAdministrator() {
        // only Baton's own application.yaml, as in production without CAMUNDA_BPM_ADMINUSER_*
        assertThatThrownBy(() -> start("prod-no-admin", "spring.config.location=classpath:/application.yaml"))
                .hasStackTraceContaining("group camunda-admin has no member");
    }

    @Test
    void refusesADatabaseThatStillHasTheDemoUsers() {
        // the demo profile seeds the database ...
        try (ConfigurableApplicationContext demo = start("prod-after-demo", "spring.profiles.active=demo")) {
            assertThat(demo.isActive()).isTrue();
        }
        // ... and production on the same database finds pat/pat, sara/sara, demo/demo
        assertThatThrownBy(() -> start("prod-after-demo"))
                .hasStackTraceContaining("user 'sara' still has a demo password")
                .hasStackTraceContaining("user 'demo' still has a demo password");
    }

    @Test
    void startsWithARealAdministrator() {
        try (ConfigurableApplicationContext context = start("prod-ok")) {
            assertThat(context.getBean(ProductionSecurityCheck.class).problems()).isEmpty();
        }
    }

    /** A whole Baton on its own in-memory H2 database, the test administrator of config/application.yaml unless overridden. */
    private static ConfigurableApplicationContext start(String database, String... properties) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
                "--camunda.bpm.job-execution.enabled=false", "--server.port=0",
                "--camunda.bpm.generic-properties.properties.enablePasswordPolicy=false"));
        for (String p : properties) {
            args.add("--" + p);
        }
        // command-line arguments: they win over application.yaml, as an operator's settings would
        return new SpringApplicationBuilder(BatonApplication.class).run(args.toArray(String[]::new));
    }
}
