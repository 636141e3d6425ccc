/**
 * Reference data as the screens name it: queues, offices and the classification tree with their
 * labels, so that no page shows a code where a person reads a name.
 */
package it.sportello.reference;
