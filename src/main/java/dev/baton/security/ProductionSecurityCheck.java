package dev.baton.security;

import dev.baton.BatonProperties;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile Baton refuses to start with a known password or without an
 * administrator: the configured admin password must not be a demo password, no demo user may
 * still have the password the demo documents, and camunda-admin must have a direct member
 * (otherwise Camunda Admin would offer its first-user setup to anyone).
 */
@Component
public class ProductionSecurityCheck implements ApplicationRunner {

    static final String HOW_TO = " Set CAMUNDA_BPM_ADMINUSER_ID and CAMUNDA_BPM_ADMINUSER_PASSWORD (README, Security), "
            + "or run the demo profile (--spring.profiles.active=demo) for a local trial.";
    private static final List<String> DEMO_PASSWORDS = List.of("demo", "admin", "password", "camunda");
    private static final int USER_PAGE = 500;

    private final ProcessEngine engine;
    private final Environment environment;
    private final BatonProperties properties;

    public ProductionSecurityCheck(ProcessEngine engine, Environment environment, BatonProperties properties) {
        this.engine = engine;
        this.environment = environment;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.demo().enabled()) {
            return;
        }
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new InsecureConfigurationException("Baton refuses to start outside the demo profile: "
                    + String.join("; ", problems) + "." + HOW_TO);
        }
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        String adminId = environment.getProperty("camunda.bpm.admin-user.id");
        String adminPassword = environment.getProperty("camunda.bpm.admin-user.password");
        if (adminId != null && (adminPassword == null || adminPassword.isBlank() || adminPassword.equals(adminId)
                || DEMO_PASSWORDS.contains(adminPassword.toLowerCase()))) {
            problems.add("the admin user '" + adminId + "' is configured with no or a demo password");
        }
        usersWithDemoPasswords().forEach(id -> problems.add("user '" + id + "' still has a demo password"));
        if (engine.getIdentityService().createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
            problems.add("group " + Groups.CAMUNDA_ADMIN + " has no member");
        }
        return problems;
    }

    /**
     * Every user whose password is their id or a common demo password, compared against the stored
     * hashes in one transaction — not with IdentityService.checkPassword, which would count a failed
     * login and lock the real user out for a while.
     */
    private List<String> usersWithDemoPasswords() {
        List<String> ids = new ArrayList<>();
        for (int first = 0; ; first += USER_PAGE) {
            List<User> page = engine.getIdentityService().createUserQuery().orderByUserId().asc().listPage(first, USER_PAGE);
            page.forEach(u -> ids.add(u.getId()));
            if (page.size() < USER_PAGE) {
                break;
            }
        }
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(context -> {
            HashProbe probe = new HashProbe();
            List<String> found = new ArrayList<>();
            for (String id : ids) {
                UserEntity stored = context.getDbEntityManager().selectById(UserEntity.class, id);
                if (stored == null || stored.getPassword() == null) {
                    continue;
                }
                List<String> candidates = new ArrayList<>(DEMO_PASSWORDS);
                candidates.add(id);
                if (candidates.stream().anyMatch(p -> probe.hash(p, stored.getSalt()).equals(stored.getPassword()))) {
                    found.add(id);
                }
            }
            return found;
        });
    }

    /** UserEntity's own salting and hashing, so the comparison follows the engine's configuration. */
    private static final class HashProbe extends UserEntity {
        String hash(String password, String salt) {
            return encryptPassword(password, salt);
        }
    }

    static final class InsecureConfigurationException extends IllegalStateException {
        InsecureConfigurationException(String message) {
            super(message);
        }
    }
}
