package it.sportello.distribution.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.distribution.StaffingForecasts;
import it.sportello.distribution.StaffingForecasts.StaffingForecast;
import it.sportello.shared.web.Downloads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Work distribution")
@RestController
class StaffingController {

  private final StaffingForecasts forecasts;

  StaffingController(StaffingForecasts forecasts) {
    this.forecasts = forecasts;
  }

  @Operation(
      summary = "Staffing forecast of a week",
      description =
          "Contacts expected per hour band and channel (average of the same weekday and hour over"
              + " the last weeks × a linear trend factor), operators needed per hour band for the"
              + " phone level (Erlang C, measured handling time) and for the offline work, and the"
              + " past weeks' forecast against actual with the MAPE.")
  @GetMapping("/api/distribution/staffing")
  StaffingForecast forecast(
      @Parameter(
              description =
                  "A day of the week to forecast (its Monday is used); next week if absent")
          @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate week) {
    return forecasts.forecast(week == null ? forecasts.nextWeek() : week);
  }

  @Operation(summary = "The staffing forecast of a week as an Excel workbook")
  @GetMapping("/api/distribution/staffing.xlsx")
  void workbook(
      @Parameter(description = "A day of the week to forecast; next week if absent")
          @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate week,
      HttpServletResponse response)
      throws IOException {
    StaffingForecast forecast = forecasts.forecast(week == null ? forecasts.nextWeek() : week);
    Downloads.attachment(
        response, "staffing-" + forecast.weekStart() + ".xlsx", StaffingWorkbook.MEDIA_TYPE);
    StaffingWorkbook.write(forecast, response.getOutputStream());
  }
}
