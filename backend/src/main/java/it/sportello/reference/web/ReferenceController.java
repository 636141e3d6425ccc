package it.sportello.reference.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.kb.Category;
import it.sportello.kb.CategoryTree;
import it.sportello.ticket.domain.OfficeRepository;
import it.sportello.ticket.domain.QueueRepository;
import java.time.Duration;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Reference", description = "Queues, offices and categories with their labels")
@RestController
@RequestMapping("/api/reference")
class ReferenceController {

  /** Topics and reasons: the levels a ticket is classified on. */
  private static final int CLASSIFICATION_DEPTH = 2;

  private final QueueRepository queues;
  private final OfficeRepository offices;
  private final CategoryTree categories;

  ReferenceController(QueueRepository queues, OfficeRepository offices, CategoryTree categories) {
    this.queues = queues;
    this.offices = offices;
    this.categories = categories;
  }

  /** A queue's names: German and French null when not given (the Italian one is shown). */
  record QueueLabel(
      String code,
      String nameIt,
      String nameEn,
      String backOfficeGroup,
      String nameDe,
      String nameFr) {}

  /** An office's name (Italian) and its names in the other languages, null when not given. */
  record OfficeLabel(String code, String name, String nameEn, String nameDe, String nameFr) {}

  record CategoryLabel(String code, String name, String parentCode, int depth) {}

  record Reference(
      List<QueueLabel> queues, List<OfficeLabel> offices, List<CategoryLabel> categories) {}

  @Operation(
      summary = "Queues, offices, topics and reasons with their names",
      description =
          "What the screens show instead of codes, and what pickers offer. Any signed-in user;"
              + " no personal data. Cached by the browser for five minutes.")
  @GetMapping
  ResponseEntity<Reference> reference() {
    List<QueueLabel> queueLabels =
        queues.findAll().stream()
            .map(
                q ->
                    new QueueLabel(
                        q.getCode(),
                        q.getNameIt(),
                        q.getNameEn(),
                        q.getBackOfficeGroup(),
                        q.getNameDe(),
                        q.getNameFr()))
            .sorted((a, b) -> a.nameIt().compareToIgnoreCase(b.nameIt()))
            .toList();
    List<OfficeLabel> officeLabels =
        offices.findAll().stream()
            .map(
                o ->
                    new OfficeLabel(
                        o.getCode(), o.getName(), o.getNameEn(), o.getNameDe(), o.getNameFr()))
            .sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
            .toList();
    List<CategoryLabel> categoryLabels =
        categories.upToDepth(CLASSIFICATION_DEPTH).stream()
            .map(ReferenceController::label)
            .toList();
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
        .body(new Reference(queueLabels, officeLabels, categoryLabels));
  }

  private static CategoryLabel label(CategoryTree.Labelled category) {
    Category node = category.category();
    return new CategoryLabel(node.code(), node.name(), category.parentCode(), node.depth());
  }
}
