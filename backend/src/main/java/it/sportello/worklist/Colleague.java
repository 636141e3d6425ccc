package it.sportello.worklist;

/** A worker who may take a task: a member of one of its candidate groups (or a candidate user). */
public record Colleague(String userId, String name) {}
