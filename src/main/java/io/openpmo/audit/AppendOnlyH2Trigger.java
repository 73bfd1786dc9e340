package io.openpmo.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2 counterpart of the PostgreSQL trigger: the embedded database refuses to change the audit trail. */
public class AppendOnlyH2Trigger implements Trigger {

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    throw new SQLException("audit_event is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused",
        "42501");
  }
}
