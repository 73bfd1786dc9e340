package io.openpmo.oidc;

import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/** Replaces the engine's own identity tables by the read-only {@link DirectoryIdentityProvider}. */
class DirectoryIdentityPlugin extends AbstractProcessEnginePlugin {

  private final OidcDirectory directory;
  private final Set<String> groups;

  DirectoryIdentityPlugin(OidcDirectory directory, Set<String> knownGroups, Set<String> mappedGroups) {
    this.directory = directory;
    Set<String> all = new TreeSet<>(knownGroups);
    all.addAll(mappedGroups);
    this.groups = Set.copyOf(all);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return ReadOnlyIdentityProvider.class;
      }

      @Override
      public Session openSession() {
        return new DirectoryIdentityProvider(directory, groups);
      }
    });
  }
}
