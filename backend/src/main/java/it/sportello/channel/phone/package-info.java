/**
 * The phone channel. The telephony port: internal events from the telephony platform ({@link
 * it.sportello.channel.phone.TelephonyEvent}: call offered to a queue, answered by an agent,
 * transferred, ended, abandoned, voicemail left, recording available, agent state), fed by drivers
 * (the generic signed CTI webhook in {@code web}, Asterisk's ARI in {@code asterisk}), and
 * originate for call-backs ({@link it.sportello.channel.phone.TelephonyPort}). Owns the calls with
 * the figures of the phone service levels, the screen pop to the operator, voicemail as tickets,
 * recordings with their retention, call-backs with their attempts (the {@code callback} process in
 * {@code process}), the ACD agents' current state for the supervisors' wallboard ({@link
 * it.sportello.channel.phone.AgentStates}).
 */
package it.sportello.channel.phone;
