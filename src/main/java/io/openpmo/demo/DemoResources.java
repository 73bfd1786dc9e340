package io.openpmo.demo;

import io.openpmo.resource.Qualification;
import io.openpmo.resource.ResourceInput;
import io.openpmo.resource.ResourceService;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo profile's resource pool (only when the pool is empty), written before the web server accepts requests
 * (a start-up phase before it; see {@link DemoPortfolio}).
 */
@Component
@Profile("demo")
class DemoResources implements SmartLifecycle {

  /** Before the demo portfolio, which plans with these people. */
  static final int PHASE = DemoPortfolio.PHASE - 1;
  private volatile boolean running;

  static final List<ResourceInput> POOL = List.of(
      new ResourceInput("paul", "Paul Martin", "PROJECT_MANAGER", Qualification.SENIOR, new BigDecimal("1.0"), true),
      new ResourceInput("nora", "Nora Novak", "PROJECT_MANAGER", Qualification.PRACTITIONER, new BigDecimal("1.0"), true),
      new ResourceInput("dana", "Dana Dev", "DEVELOPER", Qualification.SENIOR, new BigDecimal("1.0"), true),
      new ResourceInput("dirk", "Dirk Dev", "DEVELOPER", Qualification.PRACTITIONER, new BigDecimal("1.0"), true),
      new ResourceInput("dora", "Dora Dev", "DEVELOPER", Qualification.JUNIOR, new BigDecimal("0.8"), true),
      new ResourceInput("anna", "Anna Architect", "ARCHITECT", Qualification.EXPERT, new BigDecimal("0.8"), true),
      new ResourceInput("bea", "Bea Analyst", "BUSINESS_ANALYST", Qualification.SENIOR, new BigDecimal("1.0"), true),
      new ResourceInput("tom", "Tom Tester", "TESTER", Qualification.PRACTITIONER, new BigDecimal("1.0"), true),
      new ResourceInput("sara", "Sara Security", "SECURITY_ENGINEER", Qualification.SENIOR, new BigDecimal("0.5"), true),
      new ResourceInput("olga", "Olga Ops", "OPERATIONS", Qualification.PRACTITIONER, new BigDecimal("1.0"), true));

  private final ResourceService resources;

  DemoResources(ResourceService resources) {
    this.resources = resources;
  }

  void seed() {
    if (resources.list(false).isEmpty()) {
      POOL.forEach(resources::create);
    }
  }

  @Override
  public void start() {
    seed();
    running = true;
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
