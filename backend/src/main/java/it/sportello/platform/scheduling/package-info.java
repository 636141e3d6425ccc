/** Whether the application's scheduled jobs run (on, except for the command-line export). */
package it.sportello.platform.scheduling;
