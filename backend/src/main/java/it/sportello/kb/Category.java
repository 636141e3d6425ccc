package it.sportello.kb;

/**
 * A node of the classification tree: depth 1 is a topic (argomento), depth 2 a reason (causale),
 * deeper levels refine a reason.
 */
public record Category(long id, Long parentId, String code, String name, int depth) {}
