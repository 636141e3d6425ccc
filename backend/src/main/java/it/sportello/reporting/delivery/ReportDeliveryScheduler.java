package it.sportello.reporting.delivery;

import it.sportello.channel.mail.MaskedAddresses;
import it.sportello.reporting.delivery.ReportDeliveryProperties.Schedule;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Runs each schedule of {@code sportello.reporting.deliveries} on its cron, in the service
 * calendar's zone, once the application is up ({@code sportello.reporting.schedule-deliveries}, on
 * by default; tests trigger explicitly). One thread: the deliveries run one after the other. Every
 * node runs them; the {@code report_delivery} key lets one of them queue each period.
 */
@Component
class ReportDeliveryScheduler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ReportDeliveryScheduler.class);

  private final ReportDeliveries deliveries;
  private final List<ScheduledFuture<?>> scheduled = new CopyOnWriteArrayList<>();
  private volatile ThreadPoolTaskScheduler scheduler;

  ReportDeliveryScheduler(ReportDeliveries deliveries) {
    this.deliveries = deliveries;
  }

  @Override
  public synchronized void start() {
    if (!deliveries.scheduling() || deliveries.schedules().isEmpty()) {
      return;
    }
    scheduler = new ThreadPoolTaskScheduler();
    scheduler.setPoolSize(1);
    scheduler.setThreadNamePrefix("report-delivery-");
    scheduler.initialize();
    for (Schedule schedule : deliveries.schedules()) {
      scheduled.add(
          scheduler.schedule(
              () -> fire(schedule), new CronTrigger(schedule.cron(), deliveries.zone())));
      log.info(
          "Report delivery {} ({}) scheduled at '{}' ({}), next {}",
          schedule.id(),
          schedule.report(),
          schedule.cron(),
          deliveries.zone(),
          deliveries.nextRun(schedule).orElse(null));
    }
  }

  private void fire(Schedule schedule) {
    try {
      deliveries.trigger(schedule.id());
    } catch (RuntimeException e) {
      log.warn(
          "Report delivery {} not run: {}", schedule.id(), MaskedAddresses.maskAll(e.toString()));
      log.debug("Report delivery {} not run", schedule.id(), e);
    }
  }

  @Override
  public synchronized void stop() {
    scheduled.forEach(future -> future.cancel(false));
    scheduled.clear();
    if (scheduler != null) {
      scheduler.shutdown();
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }
}
