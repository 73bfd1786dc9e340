package io.openpmo.security;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The beans that expressions in models may name: our own delegates and listeners, nothing else. Given to
 * the engine's expression manager in place of the whole application context (which would let an
 * expression reach any bean, the data source included), and to the deployment guard.
 */
final class DelegateBeans extends AbstractMap<Object, Object> {

  private static final String OUR_PACKAGE = "io.openpmo.";

  private final ApplicationContext context;
  private volatile Set<String> names;

  DelegateBeans(ApplicationContext context) {
    this.context = context;
  }

  /** Whether the name is a delegate or listener bean of this application. */
  boolean isDelegate(String name) {
    return names().contains(name);
  }

  /** Whether the name is any Spring bean. */
  boolean isBean(String name) {
    return context.containsBean(name);
  }

  Set<String> names() {
    Set<String> known = names;
    if (known == null) {
      known = new TreeSet<>();
      ConfigurableListableBeanFactory factory = ((ConfigurableApplicationContext) context).getBeanFactory();
      for (Class<?> type : new Class<?>[] {JavaDelegate.class, TaskListener.class, ExecutionListener.class}) {
        for (String name : factory.getBeanNamesForType(type, false, false)) {
          if (declaredHere(factory, name)) {
            known.add(name);
          }
        }
      }
      names = known;
    }
    return known;
  }

  private static boolean declaredHere(ConfigurableListableBeanFactory factory, String name) {
    if (!factory.containsBeanDefinition(name)) {
      return false;
    }
    BeanDefinition definition = factory.getMergedBeanDefinition(name);
    String origin = definition.getBeanClassName();
    if (origin == null && definition.getFactoryBeanName() != null) {
      Class<?> configuration = factory.getType(definition.getFactoryBeanName(), false);
      origin = configuration == null ? null : configuration.getName();
    }
    return origin != null && origin.startsWith(OUR_PACKAGE);
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String name && isDelegate(name);
  }

  @Override
  public Object get(Object key) {
    return containsKey(key) ? context.getBean((String) key) : null;
  }

  @Override
  public Set<Entry<Object, Object>> entrySet() {
    Map<Object, Object> beans = new LinkedHashMap<>();
    names().forEach(name -> beans.put(name, context.getBean(name)));
    return beans.entrySet();
  }
}
