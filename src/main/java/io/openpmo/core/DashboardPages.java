package io.openpmo.core;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The portfolio dashboard is a static page; /dashboard and /dashboard/ lead to it. */
@Configuration
class DashboardPages implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
    registry.addRedirectViewController("/dashboard", "/dashboard/");
  }
}
