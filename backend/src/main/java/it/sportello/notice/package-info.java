/**
 * The notice board (issue 20 item 4): the communication office (role {@code communications}) and
 * supervisors write notices per topic and audience, in Italian and optionally in English, German
 * and French, publish and withdraw them; citizens and visitors read the current ones (published,
 * within their validity) in the public knowledge base, the request form and the personal area.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"kb", "platform :: security", "shared"})
package it.sportello.notice;
