package io.openpmo.lifecycle;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The lifecycle settings ({@code openpmo.status.*}: the status report cycle). */
@Configuration
@EnableConfigurationProperties(LifecycleSettings.class)
class LifecycleConfiguration {
}
