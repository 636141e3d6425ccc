/**
 * The worklist: the user tasks a worker may take (their candidate groups) or has taken, claiming,
 * and completion through the module that owns the task's process ({@link
 * it.sportello.worklist.TaskCompletionHandler}), which validates the decision and turns it into
 * process variables.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "notification",
      "platform :: events",
      "platform :: security",
      "processes",
      "shared",
      "shared :: web"
    })
package it.sportello.worklist;
