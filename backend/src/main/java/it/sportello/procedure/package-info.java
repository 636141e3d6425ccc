/**
 * The procedures: the process models deployed in the engine, as analysts and supervisors look at
 * them (latest version, work running on them, incidents), without the engine's API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform :: security"})
package it.sportello.procedure;
