package it.sportello.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import sun.misc.Signal;

/**
 * Ctrl-C on the README's run command ({@code mvn ... spring-boot:run}) ends it quietly: the
 * terminal sends SIGINT to Maven and to the application's JVM, and Maven's plugin also sends the
 * application SIGTERM; a JVM stopped by a signal exits with 130 or 143, and the plugin reports any
 * code but 0 and 130 as {@code BUILD FAILURE}. With {@code sportello.demo.quiet-stop} (set by the
 * run goal in backend/pom.xml only) either signal stops the application in order (Spring's shutdown
 * hook closes the context, the engine, PostgreSQL and the search node) and exits with 0. The
 * packaged application and the Docker image keep the JVM's usual signal handling.
 */
@Component
@ConditionalOnProperty(name = "sportello.demo.quiet-stop", havingValue = "true")
class QuietStop {

  private static final Logger log = LoggerFactory.getLogger(QuietStop.class);

  QuietStop() {
    for (String name : new String[] {"INT", "TERM"}) {
      Signal.handle(
          new Signal(name),
          signal -> {
            log.info("Stopping (SIG{})", signal.getName());
            // runs the shutdown hooks; a second signal finds the shutdown under way and waits
            System.exit(0);
          });
    }
  }
}
