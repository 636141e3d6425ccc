package it.sportello.channel.mail.pec;

/**
 * Why a message was not accepted or delivered.
 *
 * @param code the {@code errore} attribute: {@code no-dest}, {@code no-dominio}, {@code virus},
 *     {@code altro}
 * @param detail the {@code errore-esteso} text, often an SMTP status and reason; may be null
 */
public record PecError(String code, String detail) {}
