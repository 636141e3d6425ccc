package it.sportello.processes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds files on the test classpath below a root folder ({@code bpmn}, {@code dmn}, {@code forms}),
 * whether that folder is a directory ({@code target/classes}) or lives inside a jar (the forms
 * module, once packaged).
 */
final class ClasspathFiles {

  /**
   * A file on the classpath: {@code path} is the classpath resource name, e.g. {@code
   * bpmn/ticket/ticket.bpmn}.
   */
  record ClasspathFile(String path, URL url) {

    /**
     * The file name without folder and extension: {@code ticket} for {@code
     * bpmn/ticket/ticket.bpmn}.
     */
    String baseName() {
      String fileName = path.substring(path.lastIndexOf('/') + 1);
      int dot = fileName.lastIndexOf('.');
      return dot < 0 ? fileName : fileName.substring(0, dot);
    }

    InputStream open() {
      try {
        return url.openStream();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + path, e);
      }
    }

    @Override
    public String toString() {
      return path;
    }
  }

  /**
   * Every file below {@code root} (recursively) whose name ends with {@code .extension}, sorted by
   * path.
   */
  static List<ClasspathFile> find(String root, String extension) {
    Map<String, ClasspathFile> found = new TreeMap<>();
    try {
      Enumeration<URL> roots = Thread.currentThread().getContextClassLoader().getResources(root);
      for (URL rootUrl : Collections.list(roots)) {
        collect(root, rootUrl, "." + extension, found);
      }
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("Cannot scan the classpath folder " + root, e);
    }
    return List.copyOf(found.values());
  }

  private static void collect(
      String root, URL rootUrl, String suffix, Map<String, ClasspathFile> found)
      throws IOException, URISyntaxException {
    URI uri = rootUrl.toURI();
    if ("jar".equals(uri.getScheme())) {
      FileSystem jar;
      try {
        jar = FileSystems.newFileSystem(uri, Map.of());
      } catch (FileSystemAlreadyExistsException e) {
        jar = FileSystems.getFileSystem(uri);
      }
      walk(root, jar.getPath(root), suffix, found);
    } else {
      walk(root, Path.of(uri), suffix, found);
    }
  }

  private static void walk(
      String root, Path rootPath, String suffix, Map<String, ClasspathFile> found)
      throws IOException {
    try (Stream<Path> files = Files.walk(rootPath)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String relative = rootPath.relativize(file).toString().replace('\\', '/');
        if (relative.endsWith(suffix)) {
          String path = root + "/" + relative;
          found.putIfAbsent(path, new ClasspathFile(path, file.toUri().toURL()));
        }
      }
    }
  }

  private ClasspathFiles() {}
}
