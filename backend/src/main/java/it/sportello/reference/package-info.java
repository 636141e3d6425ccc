/**
 * Reference data as the screens name it: queues, offices and the classification tree with their
 * labels, so that no page shows a code where a person reads a name.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"kb", "ticket :: domain"})
package it.sportello.reference;
