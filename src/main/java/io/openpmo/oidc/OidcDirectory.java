package io.openpmo.oidc;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The people and integrations that the identity provider vouched for, with our groups as their last token
 * said: what the engine's read-only identity service answers (candidate groups' members, e-mail addresses,
 * Tasklist's user lookups). Each sign-in and each API token rewrites the entry when it differs from what this
 * node last wrote, so a group removed at the provider is gone with the user's next token or sign-in. No
 * password is ever stored.
 */
class OidcDirectory {

  /** One entry of the directory. */
  record Entry(String userId, String subject, String issuer, String firstName, String lastName, String email) {
  }

  private static final RowMapper<Entry> ENTRY = (ResultSet rs, int row) -> new Entry(rs.getString("user_id"),
      rs.getString("subject"), rs.getString("issuer"), rs.getString("first_name"), rs.getString("last_name"),
      rs.getString("email"));

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private final Map<String, TokenIdentity> written = new ConcurrentHashMap<>();

  OidcDirectory(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** Records the identity a token describes, unless this node already wrote exactly that. */
  void remember(TokenIdentity identity) {
    if (identity.equals(written.get(identity.userId()))) {
      return;
    }
    try {
      ownTransaction.executeWithoutResult(status -> write(identity));
    } catch (DuplicateKeyException firstSignInOnTwoNodesAtOnce) {
      ownTransaction.executeWithoutResult(status -> write(identity));
    }
    written.put(identity.userId(), identity);
  }

  private void write(TokenIdentity identity) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    int updated = jdbc.update("UPDATE oidc_user SET subject = ?, issuer = ?, first_name = ?, last_name = ?, email = ?,"
            + " changed_at = ? WHERE user_id = ?", identity.subject(), identity.issuer(), identity.firstName(),
        identity.lastName(), identity.email(), now, identity.userId());
    if (updated == 0) {
      jdbc.update("INSERT INTO oidc_user (user_id, subject, issuer, first_name, last_name, email, changed_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?)", identity.userId(), identity.subject(), identity.issuer(),
          identity.firstName(), identity.lastName(), identity.email(), now);
    }
    jdbc.update("DELETE FROM oidc_user_group WHERE user_id = ?", identity.userId());
    for (String group : identity.groups()) {
      jdbc.update("INSERT INTO oidc_user_group (user_id, group_id) VALUES (?, ?)", identity.userId(), group);
    }
  }

  Optional<Entry> user(String userId) {
    return jdbc.query("SELECT * FROM oidc_user WHERE user_id = ?", ENTRY, userId).stream().findFirst();
  }

  /** Users, optionally only the given ids and only members of a group, ordered by id. */
  List<Entry> users(List<String> ids, String groupId) {
    StringBuilder sql = new StringBuilder("SELECT u.* FROM oidc_user u WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (ids != null) {
      if (ids.isEmpty()) {
        return List.of();
      }
      sql.append(" AND u.user_id IN (").append(String.join(", ", ids.stream().map(id -> "?").toList())).append(')');
      args.addAll(ids);
    }
    if (groupId != null) {
      sql.append(" AND EXISTS (SELECT 1 FROM oidc_user_group g WHERE g.user_id = u.user_id AND g.group_id = ?)");
      args.add(groupId);
    }
    sql.append(" ORDER BY u.user_id");
    return jdbc.query(sql.toString(), ENTRY, args.toArray());
  }

  List<String> groupsOf(String userId) {
    return jdbc.queryForList("SELECT group_id FROM oidc_user_group WHERE user_id = ? ORDER BY group_id", String.class,
        userId);
  }
}
