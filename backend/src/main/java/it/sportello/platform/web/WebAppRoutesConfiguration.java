package it.sportello.platform.web;

import it.sportello.platform.security.WebAppRoutes;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Serves the web application's shell for its client-side routes (a reload on /tasks/42 works). */
@Configuration(proxyBeanMethods = false)
class WebAppRoutesConfiguration implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    for (String route : WebAppRoutes.CLIENT_ROUTES) {
      registry.addViewController(route).setViewName("forward:/index.html");
    }
  }
}
