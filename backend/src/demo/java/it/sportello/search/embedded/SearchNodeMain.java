package it.sportello.search.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.http.HttpServerTransport;

/**
 * The main class of the embedded search node's own JVM (a child process of the application, with
 * OpenSearch's classpath and logging, so nothing of it clashes with the application's): starts one
 * OpenSearch node under the given directory, prints {@code READY <http port>} and runs until its
 * standard input closes, which happens when the parent stops or dies.
 *
 * <p>Arguments: base directory, first HTTP port to try, cluster name, whether to keep the data when
 * it stops (the demo keeps its index between restarts; the tests' nodes are thrown away).
 */
public final class SearchNodeMain {

  public static final String READY = "READY ";

  public static void main(String[] args) throws IOException {
    String basePath = Path.of(args[0]).toAbsolutePath().toString();
    int port = Integer.parseInt(args[1]);
    String clusterName = args[2];
    boolean keepData = args.length > 3 && Boolean.parseBoolean(args[3]);
    OpenSearchRunner runner = new OpenSearchRunner();
    runner.setMaxHttpPort(port + 100);
    runner.onBuild(
        (index, settings) -> {
          settings.put("http.cors.enabled", false);
          settings.put("network.host", "127.0.0.1");
          settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
        });
    runner.build(
        OpenSearchRunner.newConfigs()
            .basePath(basePath)
            .numOfNode(1)
            .baseHttpPort(port - 1)
            .clusterName(clusterName)
            .disableESLogger()
            .printOnFailure());
    runner.ensureYellow();
    int httpPort =
        runner
            .node()
            .injector()
            .getInstance(HttpServerTransport.class)
            .boundAddress()
            .publishAddress()
            .getPort();
    System.out.println(READY + httpPort);
    System.out.flush();
    InputStream in = System.in;
    while (in.read() >= 0) {
      // the parent holds our standard input open while it wants us
    }
    runner.close();
    if (!keepData) {
      runner.clean();
    }
    System.exit(0);
  }

  private SearchNodeMain() {}
}
