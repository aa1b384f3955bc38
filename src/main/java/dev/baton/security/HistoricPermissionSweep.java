package dev.baton.security;

import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Removes the historic instance permissions (the per-task read grants of
 * {@code enableHistoricInstancePermissions}, README Security) whose process instance's history
 * is gone. Camunda's removal-time-based history cleanup deletes them with the history; the
 * end-time-based cleanup of the production profile, chosen so that no removal time is stamped on
 * every history row when an instance ends, leaves them behind. One statement, idempotent: every
 * node may run it, and a second run finds nothing.
 */
@Component
public class HistoricPermissionSweep {

    private final JdbcClient jdbc;

    public HistoricPermissionSweep(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The number of permissions removed. */
    public int sweep() {
        // a running instance always has its history row (every history level Baton allows keeps it);
        // the runtime check keeps a grant even if someone removed that row by hand
        return jdbc.sql("""
                DELETE FROM ACT_RU_AUTHORIZATION
                 WHERE RESOURCE_TYPE_ IN (:historicTask, :historicInstance)
                   AND ROOT_PROC_INST_ID_ IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM ACT_HI_PROCINST h WHERE h.ID_ = ACT_RU_AUTHORIZATION.ROOT_PROC_INST_ID_)
                   AND NOT EXISTS (SELECT 1 FROM ACT_RU_EXECUTION e WHERE e.ID_ = ACT_RU_AUTHORIZATION.ROOT_PROC_INST_ID_)
                """)
                .param("historicTask", Resources.HISTORIC_TASK.resourceType())
                .param("historicInstance", Resources.HISTORIC_PROCESS_INSTANCE.resourceType())
                .update();
    }
}
