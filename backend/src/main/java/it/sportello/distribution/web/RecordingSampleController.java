package it.sportello.distribution.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.distribution.RecordingSamples;
import it.sportello.distribution.RecordingSamples.DrawRequest;
import it.sportello.distribution.RecordingSamples.Listening;
import it.sportello.distribution.RecordingSamples.Sample;
import it.sportello.shared.web.Downloads;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(
    name = "Recording samples",
    description = "Random samples of call recordings, identities hidden")
@RestController
class RecordingSampleController {

  private final RecordingSamples samples;

  RecordingSampleController(RecordingSamples samples) {
    this.samples = samples;
  }

  record SampleRequest(
      @NotNull LocalDate from,
      @NotNull LocalDate to,
      @Schema(description = "Queue of the calls") String queue,
      @Schema(description = "Topic (classification) of the calls' tickets") String topic,
      @Schema(description = "Recordings to draw, 1–200") int size,
      @Schema(
              description =
                  "Seed: the same seed and filters draw the same sample; random if absent")
          Long seed) {}

  @Operation(summary = "Draw a random sample of call recordings")
  @PostMapping("/api/distribution/recording-samples")
  ResponseEntity<Sample> draw(@RequestBody SampleRequest request, Authentication authentication) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            samples.draw(
                new DrawRequest(
                    request.from(),
                    request.to(),
                    request.queue(),
                    request.topic(),
                    request.size(),
                    request.seed()),
                authentication.getName()));
  }

  @Operation(summary = "The samples drawn, newest first (without their items)")
  @GetMapping("/api/distribution/recording-samples")
  List<Sample> list() {
    return samples.list();
  }

  @Operation(summary = "A sample with its items, by opaque id only")
  @GetMapping("/api/distribution/recording-samples/{id}")
  Sample sample(@PathVariable long id) {
    return samples.sample(id);
  }

  @Operation(
      summary = "Listen to a sampled recording (streamed; every listening is logged)",
      description =
          "The file is named by the item's opaque id only. A request for a later byte range of"
              + " the same playback is not logged again.")
  @GetMapping("/api/distribution/recording-samples/{id}/items/{opaqueId}/audio")
  ResponseEntity<InputStreamResource> audio(
      @PathVariable long id,
      @PathVariable UUID opaqueId,
      @RequestHeader(name = HttpHeaders.RANGE, required = false) String range,
      Authentication authentication) {
    boolean firstRequest = range == null || range.replace(" ", "").startsWith("bytes=0-");
    var audio = samples.listen(id, opaqueId, authentication.getName(), firstRequest);
    String extension =
        switch (audio.mediaType()) {
          case "audio/mpeg" -> ".mp3";
          case "audio/ogg" -> ".ogg";
          case "audio/gsm" -> ".gsm";
          default -> ".wav";
        };
    return Downloads.attachment(
        opaqueId + extension, audio.mediaType(), audio.size(), audio.content());
  }

  @Operation(summary = "Who listened to which sampled recording, and when (newest first)")
  @GetMapping("/api/distribution/recording-listenings")
  List<Listening> listenings(
      @Parameter(description = "Only this sample's") @RequestParam(required = false) Long sample) {
    return samples.listenings(sample);
  }
}
