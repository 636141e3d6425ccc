/**
 * The notification port: messages to requesters and staff are written to an outbox table in the
 * same transaction as the business change that causes them, de-duplicated by key so that a retried
 * job never queues a message twice. The channel adapters (mail, PEC, SMS) deliver them.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"platform :: events", "platform :: security", "shared", "shared :: web"})
package it.sportello.notification;
