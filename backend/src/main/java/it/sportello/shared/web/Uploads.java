package it.sportello.shared.web;

import it.sportello.shared.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.web.multipart.MultipartFile;

/** A multipart upload read once, with the one answer every endpoint gives to an empty file. */
public final class Uploads {

  /** What an endpoint does with the uploaded bytes, under the name the client gave them. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(String fileName, InputStream content) throws IOException;
  }

  private Uploads() {}

  /**
   * Opens the upload and hands it to {@code reader}, closing the stream afterwards.
   *
   * @throws InvalidRequestException naming {@code file} when the upload is empty
   */
  public static <T> T read(MultipartFile file, Reader<T> reader) throws IOException {
    if (file == null || file.isEmpty()) {
      throw new InvalidRequestException("file", "must not be empty");
    }
    try (InputStream content = file.getInputStream()) {
      return reader.read(file.getOriginalFilename(), content);
    }
  }
}
