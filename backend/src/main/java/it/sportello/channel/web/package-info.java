/**
 * The web channel: citizens' requests from the public form without login ({@code
 * /api/public/requests}), with the context the referring service passes (page, error code, service)
 * and the browser and operating system read from the User-Agent; abuse controls (per-address rate
 * limit, honeypot, signed time-based challenge); the private tracking token; the contacts a public
 * article deflected.
 */
package it.sportello.channel.web;
