package it.sportello.kb;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A node of the classification tree: depth 1 is a topic (argomento), depth 2 a reason (causale),
 * deeper levels refine a reason.
 */
@Schema(name = "KbCategory")
public record Category(long id, Long parentId, String code, String name, int depth) {}
