package dev.baton;

import dev.baton.setup.DemoUsers;
import dev.baton.web.TestUsers;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Test-only: every Spring Boot test outside the demo profile gets the demo users (same ids and
 * groups) with {@link TestUsers#PASSWORD}, after TeamAuthorizations has created the groups.
 * Component scanning finds it because it lives under dev.baton on the test classpath.
 */
@Component
@ConditionalOnProperty(name = "baton.demo.enabled", havingValue = "false", matchIfMissing = true)
public class TestUsersSetup {

    @EventListener
    @Order(5)
    public void onPostDeploy(PostDeployEvent event) {
        DemoUsers.create(event.getProcessEngine().getIdentityService(), u -> TestUsers.PASSWORD);
    }
}
