/**
 * The {@code kb-publication} process's adapters: thin delegates calling {@link
 * it.sportello.kb.Publication}, the task listener that records the decisions, the completion
 * handler that validates them for the worklist API, and the engine behind {@link
 * it.sportello.kb.KbProcessPort}.
 */
package it.sportello.kb.process;
