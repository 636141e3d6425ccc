package it.sportello.archive.web;

import it.sportello.archive.ArchiveExports;
import it.sportello.archive.ArchiveExports.Job;
import it.sportello.shared.web.Downloads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The full export for administrators: start one in the background, follow it, download the zip. */
@RestController
@RequestMapping("/api/admin/archive/exports")
class ArchiveController {

  private final ArchiveExports exports;

  ArchiveController(ArchiveExports exports) {
    this.exports = exports;
  }

  @PostMapping
  ResponseEntity<Job> startExport(Principal user) {
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(exports.start(user.getName()));
  }

  @GetMapping
  List<Job> listExports() {
    return exports.all();
  }

  @GetMapping("/{id}")
  Job exportJob(@PathVariable String id) {
    return exports.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  @GetMapping("/{id}/file")
  ResponseEntity<InputStreamResource> exportFile(@PathVariable String id, Principal user)
      throws IOException {
    Path file =
        exports
            .file(id, user.getName())
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return Downloads.attachment(
        file.getFileName().toString(),
        "application/zip",
        Files.size(file),
        Files.newInputStream(file));
  }
}
