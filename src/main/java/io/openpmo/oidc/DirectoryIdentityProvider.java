package io.openpmo.oidc;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.identity.IdentityProviderException;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's identity service in the oidc profile: read-only, answered from the {@link OidcDirectory} that
 * the provider's tokens feed. Users, groups and memberships are managed at the provider, never in Admin, and no
 * password is checked here ({@link #checkPassword} is always false). A caller sees themselves, the groups they
 * are in, and whatever the engine's authorizations let them read (administrators: everyone).
 */
class DirectoryIdentityProvider implements ReadOnlyIdentityProvider {

  private final OidcDirectory directory;
  private final Set<String> groups;

  DirectoryIdentityProvider(OidcDirectory directory, Set<String> groups) {
    this.directory = directory;
    this.groups = groups;
  }

  @Override
  public User findUserById(String userId) {
    return createUserQuery(Context.getCommandContext()).userId(userId).singleResult();
  }

  @Override
  public UserQuery createUserQuery() {
    return new DirectoryUserQuery(this, true);
  }

  @Override
  public UserQuery createUserQuery(CommandContext commandContext) {
    return new DirectoryUserQuery(this, false);
  }

  @Override
  public NativeUserQuery createNativeUserQuery() {
    throw new IdentityProviderException("Native user queries are not supported: users come from the identity provider");
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    return false;
  }

  @Override
  public Group findGroupById(String groupId) {
    return createGroupQuery(Context.getCommandContext()).groupId(groupId).singleResult();
  }

  @Override
  public GroupQuery createGroupQuery() {
    return new DirectoryGroupQuery(this, true);
  }

  @Override
  public GroupQuery createGroupQuery(CommandContext commandContext) {
    return new DirectoryGroupQuery(this, false);
  }

  @Override
  public Tenant findTenantById(String tenantId) {
    return null;
  }

  @Override
  public TenantQuery createTenantQuery() {
    return new NoTenants(true);
  }

  @Override
  public TenantQuery createTenantQuery(CommandContext commandContext) {
    return new NoTenants(false);
  }

  @Override
  public void flush() {
  }

  @Override
  public void close() {
  }

  List<User> users(DirectoryUserQuery query) {
    List<String> ids = query.getIds() != null ? Arrays.asList(query.getIds())
        : query.getId() != null ? List.of(query.getId()) : null;
    if (query.getTenantId() != null || query.byPotentialStarter()) {
      return List.of();
    }
    return directory.users(ids, query.getGroupId()).stream()
        .filter(entry -> matches(query.getFirstName(), query.getFirstNameLike(), entry.firstName()))
        .filter(entry -> matches(query.getLastName(), query.getLastNameLike(), entry.lastName()))
        .filter(entry -> matches(query.getEmail(), query.getEmailLike(), entry.email()))
        .filter(entry -> visible(Resources.USER, entry.userId(), id -> id.equals(currentUserId())))
        .map(DirectoryIdentityProvider::user)
        .toList();
  }

  List<Group> groups(DirectoryGroupQuery query) {
    if (query.getTenantId() != null || query.byPotentialStarter()) {
      return List.of();
    }
    Stream<String> candidates = query.getUserId() != null ? directory.groupsOf(query.getUserId()).stream()
        : groups.stream().sorted();
    List<String> ids = query.getIds() != null ? Arrays.asList(query.getIds()) : null;
    List<String> mine = currentGroupIds();
    return candidates
        .filter(id -> query.getId() == null || query.getId().equals(id))
        .filter(id -> ids == null || ids.contains(id))
        .filter(id -> matches(query.getName(), query.getNameLike(), id))
        .filter(id -> query.getType() == null || "WORKFLOW".equals(query.getType()))
        .filter(id -> visible(Resources.GROUP, id, mine::contains)
            || (query.getUserId() != null && query.getUserId().equals(currentUserId())))
        .map(DirectoryIdentityProvider::group)
        .toList();
  }

  private static boolean matches(String exact, String like, String value) {
    if (exact != null && !exact.equals(value)) {
      return false;
    }
    if (like == null) {
      return true;
    }
    if (value == null) {
      return false;
    }
    String pattern = like.toLowerCase().replace("\\", "\\\\").replace(".", "\\.").replace("%", ".*").replace("_", ".");
    return value.toLowerCase().matches(pattern);
  }

  private static boolean visible(Resource resource, String id, Predicate<String> own) {
    CommandContext context = Context.getCommandContext();
    if (context == null || !context.getProcessEngineConfiguration().isAuthorizationEnabled()
        || !context.isAuthorizationCheckEnabled() || own.test(id)) {
      return true;
    }
    return context.getAuthorizationManager().isAuthorized(Permissions.READ, resource, id);
  }

  private static String currentUserId() {
    CommandContext context = Context.getCommandContext();
    Authentication authentication = context == null ? null : context.getAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  private static List<String> currentGroupIds() {
    CommandContext context = Context.getCommandContext();
    Authentication authentication = context == null ? null : context.getAuthentication();
    return authentication == null || authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
  }

  private static User user(OidcDirectory.Entry entry) {
    UserEntity user = new UserEntity(entry.userId());
    user.setFirstName(entry.firstName());
    user.setLastName(entry.lastName());
    user.setEmail(entry.email());
    return user;
  }

  private static Group group(String id) {
    GroupEntity group = new GroupEntity(id);
    group.setName(id);
    group.setType("WORKFLOW");
    return group;
  }

  private static <T> List<T> page(List<T> all, Page page) {
    if (page == null) {
      return all;
    }
    int from = Math.min(page.getFirstResult(), all.size());
    int to = (int) Math.min((long) from + page.getMaxResults(), all.size());
    return all.subList(from, to);
  }

  private static org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor(boolean standalone) {
    return standalone ? Context.getProcessEngineConfiguration().getCommandExecutorTxRequired() : null;
  }

  /** Users of the directory. */
  static class DirectoryUserQuery extends UserQueryImpl {

    private final transient DirectoryIdentityProvider provider;

    DirectoryUserQuery(DirectoryIdentityProvider provider, boolean standalone) {
      super(executor(standalone));
      this.provider = provider;
    }

    /** Potential starters of a process definition are granted by authorizations, not kept in the directory. */
    boolean byPotentialStarter() {
      return procDefId != null;
    }

    @Override
    public long executeCount(CommandContext commandContext) {
      return provider.users(this).size();
    }

    @Override
    public List<User> executeList(CommandContext commandContext, Page page) {
      return page(provider.users(this), page);
    }
  }

  /** Our groups: those of the policy and of the mapping; a user's are those of their last token. */
  static class DirectoryGroupQuery extends GroupQueryImpl {

    private final transient DirectoryIdentityProvider provider;

    DirectoryGroupQuery(DirectoryIdentityProvider provider, boolean standalone) {
      super(executor(standalone));
      this.provider = provider;
    }

    boolean byPotentialStarter() {
      return procDefId != null;
    }

    @Override
    public long executeCount(CommandContext commandContext) {
      return provider.groups(this).size();
    }

    @Override
    public List<Group> executeList(CommandContext commandContext, Page page) {
      return page(provider.groups(this), page);
    }
  }

  /** Tenants are not used. */
  static class NoTenants extends TenantQueryImpl {

    NoTenants(boolean standalone) {
      super(executor(standalone));
    }

    @Override
    public long executeCount(CommandContext commandContext) {
      return 0;
    }

    @Override
    public List<Tenant> executeList(CommandContext commandContext, Page page) {
      return List.of();
    }
  }
}
