package it.sportello.search.embedded;

import it.sportello.search.LocalSearchNode;
import it.sportello.search.SearchProperties;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * One OpenSearch 2.19 node for the default profile and the tests, started from the Maven artifacts
 * on our classpath in a <em>child JVM</em>: OpenSearch wants Log4j 2 as its logging backend and its
 * own Netty setup, which clash with the application's Logback bridge inside one JVM. The child
 * starts in the background (the application does not wait for it; search answers 503 and indexing
 * stays queued until it is up), once per JVM however many application contexts ask for it, at
 * startup or (the tests) on the first call to the engine, and stops with the JVM: it also ends by
 * itself when its standard input closes, i.e. when this JVM dies. Never in production: {@code
 * sportello.search.url} points at a real cluster.
 */
@Component
@ConditionalOnProperty(name = "sportello.search.embedded.enabled", havingValue = "true")
public class EmbeddedSearchNode implements LocalSearchNode {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedSearchNode.class);
  private static Node shared;

  private final Node node;

  EmbeddedSearchNode(SearchProperties properties) {
    this.node = shared(properties.embedded());
    if (properties.embedded().startOnStartup()) {
      start();
    }
  }

  /** Starts the node in the background, once per JVM; later calls do nothing. */
  @Override
  public void start() {
    node.start();
  }

  @Override
  public boolean started() {
    return node.isStarted();
  }

  /** The node's address (it may still be starting). */
  @Override
  public String url() {
    return "http://127.0.0.1:" + node.port;
  }

  /** Completes when the node answers (exceptionally if it could not start). */
  public CompletableFuture<Void> ready() {
    return node.ready;
  }

  private static synchronized Node shared(SearchProperties.Embedded settings) {
    if (shared == null) {
      shared = new Node(settings);
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "search-node-stop"));
    }
    return shared;
  }

  private static final class Node {
    final int port;
    final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final SearchProperties.Embedded settings;
    private Process process;
    private boolean started;

    Node(SearchProperties.Embedded settings) {
      this.settings = settings;
      this.port = settings.port() == 0 ? freePort() : settings.port();
    }

    synchronized boolean isStarted() {
      return started;
    }

    synchronized void start() {
      if (started) {
        return;
      }
      started = true;
      Thread starter = new Thread(this::run, "search-node-start");
      starter.setDaemon(true);
      starter.start();
    }

    private void run() {
      try {
        Path dataDirectory = Path.of(settings.dataDirectory()).toAbsolutePath().normalize();
        Path base = dataDirectory.resolve(settings.keepData() ? "node" : "node-" + port);
        Files.createDirectories(base);
        if (settings.keepData()) {
          removeLeftovers(dataDirectory);
        }
        Path arguments = base.resolve("java-arguments.txt");
        List<String> lines = new ArrayList<>();
        lines.add("-Xms" + settings.heap());
        lines.add("-Xmx" + settings.heap());
        lines.add("-XX:+UseSerialGC");
        lines.add("-Djava.awt.headless=true");
        lines.add("-cp");
        lines.add(quote(String.join(File.pathSeparator, classpath(dataDirectory))));
        lines.add(SearchNodeMain.class.getName());
        lines.add(quote(base.resolve("opensearch").toString()));
        lines.add(String.valueOf(port));
        lines.add(settings.keepData() ? "sportello" : "sportello-" + port);
        lines.add(String.valueOf(settings.keepData()));
        Files.write(arguments, lines, StandardCharsets.UTF_8);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process =
            new ProcessBuilder(java, "@" + arguments)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .start();
        log.info("Embedded search node starting on port {} (pid {})", port, process.pid());
        try (BufferedReader output =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = output.readLine()) != null) {
            if (line.startsWith(SearchNodeMain.READY)) {
              log.info("Embedded search node ready at http://127.0.0.1:{}", line.substring(6));
              ready.complete(null);
            } else {
              log.debug("search node: {}", line);
            }
          }
        }
        if (!ready.isDone()) {
          ready.completeExceptionally(
              new IllegalStateException(
                  "The embedded search node stopped before it was ready; see its logs under "
                      + base));
          log.error("The embedded search node stopped before it was ready; logs under {}", base);
        }
      } catch (IOException | RuntimeException e) {
        ready.completeExceptionally(e);
        log.error("The embedded search node could not start: {}", e.getMessage());
      }
    }

    void stop() {
      Process running = process;
      if (running != null && running.isAlive()) {
        try {
          running.getOutputStream().close();
          if (!running.waitFor(15, TimeUnit.SECONDS)) {
            running.destroyForcibly();
          }
        } catch (IOException e) {
          running.destroyForcibly();
        } catch (InterruptedException e) {
          running.destroyForcibly();
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /**
   * This JVM's classpath without the application's logging bridges (the node logs through Log4j 2):
   * the directories and jars of {@code spring-boot:run} and the tests, or, for a packaged
   * application ({@code java -jar}, the Docker demo image), the jars inside it, copied out once
   * under the data directory ({@link PackagedClasspath}).
   */
  static List<String> classpath(Path dataDirectory) {
    String testClasspath = System.getProperty("surefire.test.class.path");
    String classpath =
        testClasspath != null && !testClasspath.isBlank()
            ? testClasspath
            : System.getProperty("java.class.path");
    List<String> entries = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator)) {
      if (PackagedClasspath.isPackagedApplication(entry)) {
        entries.addAll(PackagedClasspath.extract(Path.of(entry), dataDirectory.resolve("runtime")));
        continue;
      }
      entries.add(entry);
      entries.addAll(manifestClasspath(entry));
    }
    List<String> filtered =
        entries.stream()
            .filter(entry -> !entry.isBlank())
            .filter(
                entry -> {
                  String name = Path.of(entry).getFileName().toString();
                  return !name.startsWith("log4j-to-slf4j")
                      && !name.startsWith("logback-")
                      && !name.startsWith("surefire")
                      && !name.startsWith("spring-boot-devtools");
                })
            .distinct()
            .toList();
    if (filtered.stream().noneMatch(entry -> entry.contains("opensearch"))) {
      throw new IllegalStateException(
          "The embedded search node needs OpenSearch's jars on the classpath (the demo build);"
              + " with the production build set sportello.search.url and"
              + " sportello.search.embedded.enabled=false");
    }
    return filtered;
  }

  private static List<String> manifestClasspath(String entry) {
    if (!entry.endsWith(".jar") || !Files.isRegularFile(Path.of(entry))) {
      return List.of();
    }
    try (JarFile jar = new JarFile(entry)) {
      Manifest manifest = jar.getManifest();
      String classPath =
          manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
      if (classPath == null || jar.getEntry("org/springframework/boot/loader") != null) {
        return List.of();
      }
      Path folder = Path.of(entry).toAbsolutePath().getParent();
      return Arrays.stream(classPath.trim().split("\\s+"))
          .map(
              reference -> {
                try {
                  return reference.startsWith("file:")
                      ? Path.of(java.net.URI.create(reference)).toString()
                      : folder.resolve(reference).toString();
                } catch (RuntimeException e) {
                  return reference;
                }
              })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The per-port folders of earlier versions (each start made a new one and rebuilt its index):
   * gone once the node keeps its data in one folder.
   */
  private static void removeLeftovers(Path dataDirectory) throws IOException {
    try (var folders = Files.list(dataDirectory)) {
      for (Path folder :
          folders
              .filter(Files::isDirectory)
              .filter(path -> path.getFileName().toString().matches("node-\\d+"))
              .toList()) {
        log.info("Removing {}, left by an earlier start of the search node", folder);
        org.springframework.util.FileSystemUtils.deleteRecursively(folder);
      }
    }
  }

  private static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\") + "\"";
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
