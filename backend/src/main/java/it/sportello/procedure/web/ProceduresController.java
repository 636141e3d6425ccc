package it.sportello.procedure.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.procedure.Procedure;
import it.sportello.procedure.Procedures;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Procedures", description = "The process models deployed in the engine")
@RestController
@RequestMapping("/api/procedures")
class ProceduresController {

  private final Procedures procedures;

  ProceduresController(Procedures procedures) {
    this.procedures = procedures;
  }

  @Operation(
      summary = "Every deployed procedure in its latest version",
      description =
          "With the instances running on any of its versions and their open incidents. Analysts,"
              + " supervisors and administrators.")
  @GetMapping
  List<Procedure> latest() {
    return procedures.latest();
  }
}
