package it.sportello.studio;

import java.util.List;

/**
 * What a dry run of a draft did on the throwaway engine: the activities passed, in order; where the
 * instance waits when it stopped (a timer, a message, a step limit), or nothing once it ended; the
 * delegates and listeners it would have called (stubs recorded them, nothing ran); the engine's
 * error if it stopped on one.
 */
public record DryRunResult(
    boolean ended, List<String> path, List<String> waitingAt, List<String> calls, String error) {}
