package it.sportello.ticket.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TicketNumbersTest {

  @Test
  void numbersAreReadableAndSortable() {
    assertThat(TicketNumbers.format(2026, 123)).isEqualTo("RS-2026-000123");
    assertThat(TicketNumbers.format(2027, 1_234_567)).isEqualTo("RS-2027-1234567");
  }
}
