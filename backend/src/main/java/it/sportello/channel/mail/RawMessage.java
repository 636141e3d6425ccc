package it.sportello.channel.mail;

import jakarta.mail.util.SharedByteArrayInputStream;
import jakarta.mail.util.SharedFileInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A message's bytes as fetched (RFC 5322): in memory when small, in a temporary file when large, so
 * that a 40 MB message is never held whole on the heap. {@link #open()} gives a {@code
 * SharedInputStream}: a {@code MimeMessage} built on it keeps its parts as references into the file
 * instead of copying them. {@link #close()} deletes the file.
 */
public class RawMessage implements AutoCloseable {

  private final byte[] bytes;
  private final Path file;
  private final long size;
  private final List<InputStream> opened = new CopyOnWriteArrayList<>();

  /** Its bytes or its file; open to tests, which check what the intake reads. */
  RawMessage(byte[] bytes, Path file, long size) {
    this.bytes = bytes;
    this.file = file;
    this.size = size;
  }

  /** A message held in memory. */
  public static RawMessage of(byte[] bytes) {
    if (bytes == null) {
      throw new IllegalArgumentException("a message needs its bytes");
    }
    return new RawMessage(bytes, null, bytes.length);
  }

  /** A message spooled to a file, which becomes this message's: {@link #close()} deletes it. */
  public static RawMessage spooled(Path file) {
    try {
      return new RawMessage(null, file, Files.size(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Its bytes from the start; a {@code jakarta.mail.internet.SharedInputStream}. */
  public InputStream open() throws IOException {
    if (bytes != null) {
      return new SharedByteArrayInputStream(bytes);
    }
    InputStream in = new SharedFileInputStream(file.toFile());
    opened.add(in);
    return in;
  }

  /** Its bytes from the start, read once (in memory, or from the file); the caller closes it. */
  public InputStream stream() throws IOException {
    return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
  }

  public long size() {
    return size;
  }

  /** Whether the bytes are in memory ({@link #bytes()} costs nothing). */
  public boolean inMemory() {
    return bytes != null;
  }

  /**
   * All its bytes in memory: free for a small message; a large one is read from its file. The
   * intake never asks for them (it reads {@link #stream()} and {@link #open()}).
   */
  public byte[] bytes() {
    if (bytes != null) {
      return bytes;
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Closes the streams it opened (parts of a message read from them end too) and deletes the file.
   */
  @Override
  public void close() {
    for (InputStream in : opened) {
      try {
        in.close();
      } catch (IOException e) {
        // closing a read-only file
      }
    }
    opened.clear();
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        file.toFile().deleteOnExit();
      }
    }
  }
}
