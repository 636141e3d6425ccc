/**
 * The analysts' studio (issue 24): drafts of process (BPMN), decision (DMN) and form models edited
 * in the browser, checked on every save and before deployment (the engine's own parse with the
 * model-safety listener, the house rules of {@code processes/}, forms that no deployment provides),
 * and deployed under four eyes: an analyst asks, another analyst approves or rejects, approval
 * deploys, and every deployment records author, approver, time and a summary of the change. The
 * engine is behind {@link it.sportello.studio.StudioEngine} ({@code process}); {@link
 * it.sportello.studio.Studio} is the API. See {@code docs/studio.md} and ADR 0022.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"platform :: process", "platform :: security", "processes", "shared"})
package it.sportello.studio;
