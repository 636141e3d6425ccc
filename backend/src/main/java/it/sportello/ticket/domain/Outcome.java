package it.sportello.ticket.domain;

public enum Outcome {
  SOLVED,
  CLOSED_FOR_NO_REPLY
}
