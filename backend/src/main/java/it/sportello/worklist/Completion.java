package it.sportello.worklist;

import java.util.Map;

/**
 * How to complete a task: the variables the process routes on, and texts the owning module stores
 * in its own tables while the task completes (handed to the engine as transient variables, never
 * persisted there).
 */
public record Completion(Map<String, Object> variables, Map<String, String> texts) {}
