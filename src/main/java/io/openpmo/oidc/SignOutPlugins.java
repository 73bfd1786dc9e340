package io.openpmo.oidc;

import jakarta.ws.rs.Path;
import java.util.Set;
import org.camunda.bpm.admin.plugin.spi.impl.AbstractAdminPlugin;
import org.camunda.bpm.admin.resource.AbstractAdminPluginRootResource;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;
import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.camunda.bpm.welcome.plugin.spi.impl.AbstractWelcomePlugin;
import org.camunda.bpm.welcome.resource.AbstractWelcomePluginRootResource;

/**
 * A frontend plugin for Tasklist, Cockpit, Admin and the welcome page ({@code plugin-webapp/openpmo-sign-out}):
 * in the oidc profile their "Log out" signs out at Spring Security ({@code POST /logout}), which ends the
 * session here and at the identity provider. Elsewhere (the demo's own login) the script changes nothing.
 * Registered through {@code META-INF/services}.
 */
public final class SignOutPlugins {

  static final String ID = "openpmo-sign-out";

  private SignOutPlugins() {
  }

  /** Tasklist. */
  public static class Tasklist extends AbstractTasklistPlugin {
    @Override
    public String getId() {
      return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
      return Set.of(TasklistResource.class);
    }
  }

  /** Serves the script to Tasklist. */
  @Path("plugin/" + ID)
  public static class TasklistResource extends AbstractTasklistPluginRootResource {
    public TasklistResource() {
      super(ID);
    }
  }

  /** Cockpit. */
  public static class Cockpit extends AbstractCockpitPlugin {
    @Override
    public String getId() {
      return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
      return Set.of(CockpitResource.class);
    }
  }

  /** Serves the script to Cockpit. */
  @Path("plugin/" + ID)
  public static class CockpitResource extends AbstractCockpitPluginRootResource {
    public CockpitResource() {
      super(ID);
    }
  }

  /** Admin. */
  public static class Admin extends AbstractAdminPlugin {
    @Override
    public String getId() {
      return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
      return Set.of(AdminResource.class);
    }
  }

  /** Serves the script to Admin. */
  @Path("plugin/" + ID)
  public static class AdminResource extends AbstractAdminPluginRootResource {
    public AdminResource() {
      super(ID);
    }
  }

  /** The welcome page. */
  public static class Welcome extends AbstractWelcomePlugin {
    @Override
    public String getId() {
      return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
      return Set.of(WelcomeResource.class);
    }
  }

  /** Serves the script to the welcome page. */
  @Path("plugin/" + ID)
  public static class WelcomeResource extends AbstractWelcomePluginRootResource {
    public WelcomeResource() {
      super(ID);
    }
  }
}
