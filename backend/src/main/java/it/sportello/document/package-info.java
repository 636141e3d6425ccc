/**
 * Documents: attachments of e-mails and PEC messages and files sent with a ticket, stored once by
 * content (SHA-256) in our database, with their detected media type and the text extracted for
 * search (Apache Tika, within limits; signed {@code .p7m} envelopes are opened first, pictures and
 * scans read by OCR with Tesseract when installed, the attachments of FatturaPA invoices decoded),
 * and linked to the interactions, tickets and other records they belong to. {@link
 * it.sportello.document.Documents} is the module's API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package it.sportello.document;
