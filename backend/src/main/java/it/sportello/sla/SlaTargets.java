package it.sportello.sla;

import java.time.Instant;

/**
 * The deadlines of one ticket under its SLA policy, each with the instant from which it is at risk
 * (less than the at-risk share of its working time left).
 */
public record SlaTargets(
    String policy,
    Instant takeInChargeDueAt,
    Instant takeInChargeAtRiskFrom,
    Instant resolutionDueAt,
    Instant resolutionAtRiskFrom) {}
