package dev.baton.ledger;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Makes the process engine depend on database initialization (Flyway), so the ledger tables
 * exist before Camunda creates its schema and deploys: demo data and the first gates write to
 * them at startup. By design, not by bean order (registered in META-INF/spring.factories).
 */
public class CamundaDependsOnLedgerMigration extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(ProcessEngine.class, ProcessEngineConfigurationImpl.class);
    }
}
