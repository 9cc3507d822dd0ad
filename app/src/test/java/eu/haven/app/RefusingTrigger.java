package eu.haven.app;

import java.sql.Connection;
import java.sql.SQLException;

/** An H2 trigger that refuses every row: the database failing a write after the policy permitted it. */
public final class RefusingTrigger implements org.h2.api.Trigger {
    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("the disk is full", "53100");
    }
}
