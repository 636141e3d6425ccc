/**
 * Four-eyes approval of a case file's document: who approved or rejected which version of which
 * document (the SHA-256 of its exact bytes), when and with what comments. The approver must not be
 * the person who submitted the document; an approval counts only for the bytes it was given, so a
 * changed document needs a new one. The reusable {@code approval} process ({@code process}) asks
 * and records it; {@link it.sportello.approval.Approvals} is the API.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"casefile", "platform :: process", "processes", "shared", "worklist"})
package it.sportello.approval;
