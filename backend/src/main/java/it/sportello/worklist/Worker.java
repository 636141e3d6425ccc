package it.sportello.worklist;

import java.util.List;

/** Who is working: user id and group ids (roles, queues, offices). */
public record Worker(String userId, List<String> groupIds) {}
