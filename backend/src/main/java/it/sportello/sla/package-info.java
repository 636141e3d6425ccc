/**
 * Service levels: the service calendar (opening hours, national and local holidays) and the SLA
 * policies whose working-hour targets become the deadlines stored on tickets, the due dates of user
 * tasks and the timers that escalate. Pure Java; the engine only reads the deadlines computed here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package it.sportello.sla;
