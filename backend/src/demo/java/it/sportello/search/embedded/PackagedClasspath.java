package it.sportello.search.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The search node's classpath out of a packaged application ({@code java -jar sportello.jar}, the
 * Docker demo image): a Spring Boot jar holds its libraries as jars inside the jar, which a plain
 * JVM cannot load, so they are copied out once into a folder beside the node's data, together with
 * the node's main class. A folder made from the same jar (same size and time) is used again, so
 * only the first start after a new build pays for the copy.
 */
final class PackagedClasspath {

  private static final Logger log = LoggerFactory.getLogger(PackagedClasspath.class);
  private static final String LIBRARIES = "BOOT-INF/lib/";
  private static final String CLASSES = "BOOT-INF/classes/";
  private static final String STAMP = "extracted-from.txt";

  private PackagedClasspath() {}

  /** Whether the classpath entry is a Spring Boot executable jar. */
  static boolean isPackagedApplication(String entry) {
    if (!entry.endsWith(".jar") || !Files.isRegularFile(Path.of(entry))) {
      return false;
    }
    try (JarFile jar = new JarFile(entry)) {
      return jar.getEntry(LIBRARIES) != null || jar.getEntry(CLASSES) != null;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The classpath entries for the node: the application's libraries and the node's main class,
   * extracted from the jar into the folder (again only when the jar changed).
   */
  static List<String> extract(Path application, Path into) {
    Path folder = into.toAbsolutePath().normalize();
    try {
      Path jarPath = application.toAbsolutePath();
      String stamp =
          jarPath + " " + Files.size(jarPath) + " " + Files.getLastModifiedTime(jarPath).toMillis();
      Path stampFile = folder.resolve(STAMP);
      Path libraries = folder.resolve("lib");
      Path classes = folder.resolve("classes");
      boolean current =
          Files.isRegularFile(stampFile)
              && Files.readString(stampFile, StandardCharsets.UTF_8).equals(stamp);
      if (!current) {
        long started = System.nanoTime();
        FileSystemUtils.deleteRecursively(folder);
        Files.createDirectories(libraries);
        Files.createDirectories(classes);
        copyOut(jarPath, libraries, classes);
        Files.writeString(stampFile, stamp, StandardCharsets.UTF_8);
        log.info(
            "Search node's libraries copied out of {} into {} in {} ms",
            jarPath.getFileName(),
            folder,
            (System.nanoTime() - started) / 1_000_000);
      }
      List<String> entries = new ArrayList<>();
      entries.add(classes.toString());
      try (var jars = Files.list(libraries)) {
        jars.map(Path::toString).sorted().forEach(entries::add);
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyOut(Path application, Path libraries, Path classes) throws IOException {
    String mainClass = CLASSES + SearchNodeMain.class.getName().replace('.', '/');
    try (JarFile jar = new JarFile(application.toFile())) {
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        String name = entry.getName();
        Path target = null;
        if (name.startsWith(LIBRARIES) && name.endsWith(".jar")) {
          target = libraries.resolve(name.substring(LIBRARIES.length()));
        } else if (name.startsWith(mainClass) && name.endsWith(".class")) {
          // SearchNodeMain.class (and any nested class of it)
          target = classes.resolve(name.substring(CLASSES.length()));
        }
        if (target == null || !target.normalize().startsWith(libraries.getParent())) {
          continue;
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = jar.getInputStream(entry)) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
