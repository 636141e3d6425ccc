/**
 * The contact channels (e-mail and PEC, phone, web, …): adapters that turn what arrives on a
 * channel into contacts, interactions and tickets, and deliver what we send.
 */
package it.sportello.channel;
