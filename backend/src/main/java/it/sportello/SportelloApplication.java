package it.sportello;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Sportello: BPMN-driven contact center and case management for Italian public administrations. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SportelloApplication {

  public static void main(String[] args) {
    SpringApplication.run(SportelloApplication.class, args);
  }
}
