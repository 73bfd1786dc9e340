package io.openpmo.closure;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The closure settings ({@code openpmo.closure.*}). */
@Configuration
@EnableConfigurationProperties(ClosureSettings.class)
class ClosureConfiguration {
}
