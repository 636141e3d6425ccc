/**
 * Italian certified e-mail (PEC, DPR 68/2005 and the technical rules of DM 2 November 2005): tells
 * a PEC envelope or receipt from an ordinary message and reads its certification data ({@code
 * daticert.xml}) and the original message ({@code postacert.eml}). Plain Java over Jakarta Mail.
 */
package it.sportello.channel.mail.pec;
