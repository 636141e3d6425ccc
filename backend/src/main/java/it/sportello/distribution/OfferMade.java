package it.sportello.distribution;

/** An item was offered to an operator (published in the round's transaction). */
public record OfferMade(String operator, String taskId) {}
