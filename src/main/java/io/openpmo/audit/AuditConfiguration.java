package io.openpmo.audit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The audit log's settings, and the scheduler that runs its sealer. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(AuditSettings.class)
class AuditConfiguration {
}
