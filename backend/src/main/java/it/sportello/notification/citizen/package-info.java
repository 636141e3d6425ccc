/**
 * The adapters of the {@link it.sportello.notification.CitizenMessagePort}: App IO's messaging API
 * and an HTTP SMS gateway, both off by default, and the dispatcher that delivers the outbox's
 * messages on their channels with retries and quarantine.
 */
package it.sportello.notification.citizen;
