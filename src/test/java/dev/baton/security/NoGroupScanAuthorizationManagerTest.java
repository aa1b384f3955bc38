package dev.baton.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.EngineTestSupport;
import dev.baton.bench.StatementCounter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Camunda narrows an authenticated caller's groups to those named in any authorization by reading
 * the distinct group ids of the whole authorization table in every command; with historic instance
 * permissions that table grows with every task. Baton passes the caller's groups as they are. The
 * same authorizations must give the same answers either way: the engines below differ only in that.
 */
class NoGroupScanAuthorizationManagerTest {

    private static final String GROUP_SCAN = "distinct(A.GROUP_ID_)";
    private static final List<List<String>> CALLER_GROUPS = List.of(
            List.of("legal", "no-grants"), List.of("no-grants"), List.of("sales", "legal"), List.of(),
            List.of("sales"), manyGroupsWith("legal"));

    private static ProcessEngine baton;
    private static ProcessEngine camunda;

    @BeforeAll
    static void startEngines() {
        baton = engine(true);
        camunda = engine(false);
    }

    @AfterAll
    static void stopEngines() {
        baton.close();
        camunda.close();
    }

    @Test
    void anAuthenticatedCommandDoesNotReadTheGroupsOfEveryAuthorization() {
        assertThat(statementsOfTaskQuery(baton, List.of("legal", "no-grants"))).noneMatch(sql -> sql.contains(GROUP_SCAN));
        assertThat(statementsOfTaskQuery(camunda, List.of("legal", "no-grants"))).anyMatch(sql -> sql.contains(GROUP_SCAN));
    }

    @Test
    void aCallerInVeryManyGroupsKeepsCamundasNarrowing() {
        assertThat(statementsOfTaskQuery(baton, manyGroupsWith("legal"))).anyMatch(sql -> sql.contains(GROUP_SCAN));
    }

    @Test
    void grantsRevokesAndGlobalAuthorizationsGiveTheSameAnswersAsCamundasOwn() {
        Map<String, Object> answers = answers(baton);
        assertThat(answers).isEqualTo(answers(camunda));
        // and the answers are the ones the authorizations say, so the comparison compares something
        assertThat(answers.get("tasks [legal, no-grants]")).isEqualTo(List.of("granted to legal"));
        assertThat(answers.get("tasks [no-grants]")).isEqualTo(List.of("granted to all"));
        assertThat(answers.get("tasks [sales, legal]")).isEqualTo(List.of("granted to legal", "granted to sales"));
        assertThat(answers.get("may read 'granted to all' as [legal, no-grants]")).isEqualTo(false);
    }

    @Test
    void theSecurityPluginInstallsIt() {
        ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
        new SecurityEnginePlugin(new VerifiedCredentials(EngineTestSupport.PROPERTIES)).preInit(configuration);
        assertThat(configuration.getCustomSessionFactories())
                .anySatisfy(factory -> {
                    assertThat(factory.getSessionType()).isEqualTo(AuthorizationManager.class);
                    assertThat(factory.openSession()).isInstanceOf(NoGroupScanAuthorizationManager.class);
                });
    }

    /** Tasks granted to a group, to everyone except a revoked group, and to nobody, then what each caller sees. */
    private static Map<String, Object> answers(ProcessEngine engine) {
        AuthorizationService authorizations = engine.getAuthorizationService();
        Map<String, String> tasks = new LinkedHashMap<>();
        for (String name : List.of("granted to legal", "granted to sales", "granted to all", "granted to nobody")) {
            Task task = engine.getTaskService().newTask();
            task.setName(name);
            engine.getTaskService().saveTask(task);
            tasks.put(name, task.getId());
        }
        grant(authorizations, Authorization.AUTH_TYPE_GRANT, "legal", tasks.get("granted to legal"));
        grant(authorizations, Authorization.AUTH_TYPE_GRANT, "sales", tasks.get("granted to sales"));
        grant(authorizations, Authorization.AUTH_TYPE_GLOBAL, null, tasks.get("granted to all"));
        grant(authorizations, Authorization.AUTH_TYPE_REVOKE, "legal", tasks.get("granted to all"));
        Map<String, Object> answers = new LinkedHashMap<>();
        try {
            for (List<String> groups : CALLER_GROUPS) {
                String caller = groups.size() > 10 ? "[many groups with legal]" : groups.toString();
                engine.getIdentityService().setAuthentication("member", groups);
                answers.put("tasks " + caller, engine.getTaskService().createTaskQuery().orderByTaskName().asc()
                        .listPage(0, 10).stream().map(Task::getName).toList());
                engine.getIdentityService().clearAuthentication();
                tasks.forEach((name, id) -> answers.put("may read '" + name + "' as " + caller,
                        authorizations.isUserAuthorized("member", groups, Permissions.READ, Resources.TASK, id)));
            }
        } finally {
            engine.getIdentityService().clearAuthentication();
            tasks.values().forEach(engine.getTaskService()::deleteTask);
            authorizations.createAuthorizationQuery().resourceType(Resources.TASK).listPage(0, 100)
                    .forEach(a -> authorizations.deleteAuthorization(a.getId()));
        }
        return answers;
    }

    private static void grant(AuthorizationService authorizations, int type, String group, String taskId) {
        Authorization authorization = authorizations.createNewAuthorization(type);
        if (type == Authorization.AUTH_TYPE_GLOBAL) {
            authorization.setUserId(Authorization.ANY);
        } else {
            authorization.setGroupId(group);
        }
        authorization.setResource(Resources.TASK);
        authorization.setResourceId(taskId);
        if (type == Authorization.AUTH_TYPE_REVOKE) {
            authorization.removePermission(Permissions.READ); // a revoke starts with every permission and takes some away
        } else {
            authorization.addPermission(Permissions.READ);
        }
        authorizations.saveAuthorization(authorization);
    }

    private static List<String> statementsOfTaskQuery(ProcessEngine engine, List<String> groups) {
        engine.getIdentityService().setAuthentication("member", groups);
        try {
            return StatementCounter.record(() -> engine.getTaskService().createTaskQuery().listPage(0, 10));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static List<String> manyGroupsWith(String group) {
        List<String> groups = new ArrayList<>(IntStream.range(0, NoGroupScanAuthorizationManager.MAX_GROUPS_AS_GIVEN)
                .mapToObj(i -> "other" + i).toList());
        groups.add(group);
        return groups;
    }

    private static ProcessEngine engine(boolean withoutGroupScan) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:auth-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("authorization-" + UUID.randomUUID());
        configuration.setDataSource(StatementCounter.wrap(h2));
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setAuthorizationEnabled(true);
        configuration.setJobExecutorActivate(false);
        if (withoutGroupScan) {
            NoGroupScanAuthorizationManager.install(configuration);
        }
        return configuration.buildProcessEngine();
    }
}
