package it.sportello.platform.scheduling;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The application's {@code @Scheduled} jobs (retention, alerts, reminders, the citizen channels'
 * dispatcher, the audit chain's check, ...) run unless {@code sportello.scheduling.enabled} is
 * false: the command-line export turns them off (see {@code
 * it.sportello.archive.ArchiveCommandLineEnvironment}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sportello.scheduling.enabled", matchIfMissing = true)
@EnableScheduling
public class SchedulingConfiguration {}
