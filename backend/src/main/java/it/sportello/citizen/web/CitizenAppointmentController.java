package it.sportello.citizen.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.citizen.CitizenAppointments;
import it.sportello.citizen.CitizenOidcProperties;
import it.sportello.citizen.CitizenUser;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The citizen's appointments: the times agreed for calling them back. */
@Tag(name = "Citizen area", description = "A citizen's own requests and contacts (SPID/CIE login)")
@RestController
@RequestMapping("/api/citizen/appointments")
class CitizenAppointmentController {

  private final CitizenAppointments appointments;
  private final CitizenOidcProperties properties;

  CitizenAppointmentController(CitizenAppointments appointments, CitizenOidcProperties properties) {
    this.appointments = appointments;
    this.properties = properties;
  }

  @Operation(
      summary = "The citizen's call-back appointments, from an hour ago on, the next first",
      description =
          "Instants: show them in the service calendar's zone (GET /api/citizen/session).")
  @GetMapping
  List<CitizenAppointments.Appointment> list(@AuthenticationPrincipal CitizenUser user) {
    return appointments.upcoming(CitizenController.atLeast(user, properties.minimumLevel().read()));
  }
}
