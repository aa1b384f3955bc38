package dev.baton.metrics;

import dev.baton.ledger.EngineColumns;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The comments Tasklist stores with the engine (its history table ACT_HI_COMMENT), read in one
 * query with their full text, not the shortened message: one indexed lookup by process instance
 * and one by task, instead of an engine command per task.
 */
@Component
public class EngineGateComments implements GateComments {

    private final JdbcClient jdbc;

    public EngineGateComments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Comment> of(String processInstanceId, Collection<String> taskIds) {
        List<String> tasks = new ArrayList<>(taskIds);
        if (tasks.isEmpty()) {
            tasks.add(""); // IN () is no SQL
        }
        return jdbc.sql("""
                SELECT ID_ AS id, TASK_ID_ AS task_id, USER_ID_ AS author, TIME_ AS at, FULL_MSG_ AS full_message,
                       MESSAGE_ AS message
                FROM ACT_HI_COMMENT
                WHERE TYPE_ = 'comment' AND TASK_ID_ IS NOT NULL
                  AND (PROC_INST_ID_ = :pi OR TASK_ID_ IN (:tasks))
                ORDER BY TIME_, ID_
                """).param("pi", processInstanceId == null ? "" : processInstanceId).param("tasks", tasks)
                .query((rs, i) -> new Comment(rs.getString("id"), rs.getString("task_id"), rs.getString("author"),
                        EngineColumns.time(rs, "at"), EngineColumns.commentText(rs, "full_message", "message"))).list();
    }
}
