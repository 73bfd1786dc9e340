package io.openpmo.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the application where to go. */
@Component
class StartupBanner {

  private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

  private final Environment environment;
  private final String publicUrl;

  StartupBanner(Environment environment, @Value("${openpmo.public-url}") String publicUrl) {
    this.environment = environment;
    this.publicUrl = publicUrl;
  }

  @EventListener(ApplicationReadyEvent.class)
  void ready() {
    String base = publicUrl.replaceAll("/$", "");
    boolean demo = environment.matchesProfiles("demo");
    LOG.info("""

        ================================================================
         OpenPMO governance is up{}
           Tasklist  {}/camunda/app/tasklist/
           Cockpit   {}/camunda/app/cockpit/
           Admin     {}/camunda/app/admin/
           Dashboard {}/dashboard/
           API       {}/api/v1   (OpenAPI: {}/v3/api-docs, Swagger UI: {}/swagger-ui.html)
           Engine    {}/engine-rest
        {}================================================================""",
        demo ? " (demo profile)" : "", base, base, base, base, base, base, base, base,
        demo ? " Demo users (password 'demo'): demo (admin), rita (requester), petra (pmo), fiona, rick,\n"
            + " carla, ivan, sven, erik, paul, rosa, otto, audrey, integrationbot, sam (sponsor)\n" : "");
  }
}
