package it.sportello.sla;

import java.time.Instant;

/** The deadlines of one ticket under its SLA policy. */
public record SlaTargets(String policy, Instant takeInChargeDueAt, Instant resolutionDueAt) {}
