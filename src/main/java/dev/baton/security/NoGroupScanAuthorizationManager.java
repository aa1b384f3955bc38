package dev.baton.security;

import dev.baton.EngineLists;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Camunda's authorization manager, minus one query per authenticated command. Before checking, the
 * engine narrows the caller's groups to those named in any authorization, and to know them it reads
 * the distinct group ids of the whole authorization table, once in every command. With historic
 * instance permissions on (Baton's teams rely on them) that table gains rows with every task until
 * history cleanup, so every Tasklist, Cockpit and REST call scanned a table that only grows.
 * The narrowing changes no answer — a group named in no authorization matches no row — so Baton
 * passes the caller's groups as they are. A caller in very many groups keeps Camunda's narrowing,
 * which keeps the checks' group lists short.
 */
public class NoGroupScanAuthorizationManager extends AuthorizationManager {

    /** Up to this many groups are checked as given; beyond, Camunda narrows them first. */
    static final int MAX_GROUPS_AS_GIVEN = 50;

    /** Makes the engine open this manager wherever it would open Camunda's. */
    public static void install(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomSessionFactories(EngineLists.after(configuration.getCustomSessionFactories(), new Factory()));
    }

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
        if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()
                || authenticatedGroupIds.size() > MAX_GROUPS_AS_GIVEN) {
            return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
        }
        return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
    }

    /** Registered under Camunda's manager type, so it replaces the default factory. */
    static final class Factory implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return AuthorizationManager.class;
        }

        @Override
        public Session openSession() {
            return new NoGroupScanAuthorizationManager();
        }
    }
}
