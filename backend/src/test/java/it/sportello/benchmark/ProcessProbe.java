package it.sportello.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Reads a process's resident memory and CPU time from /proc (Linux): VmRSS and VmHWM from {@code
 * status}, utime+stime from {@code stat}; for PostgreSQL, the postmaster with its finished
 * (cutime+cstime) and running backends. Samples every half second to find the peaks of a scenario.
 */
final class ProcessProbe implements AutoCloseable {

  /** USER_HZ: the unit of /proc/[pid]/stat times; 100 on every Linux build in use. */
  private static final double TICKS_PER_SECOND = 100;

  private final long appPid;
  private final LongSupplier postmasterPid;
  private final LongSupplier heapUsedBytes;
  private final Thread sampler;
  private volatile boolean running = true;
  private volatile long peakRssKb;
  private volatile long peakHeapBytes;
  private volatile long overallPeakHeapBytes;

  ProcessProbe(long appPid, LongSupplier postmasterPid, LongSupplier heapUsedBytes) {
    this.appPid = appPid;
    this.postmasterPid = postmasterPid;
    this.heapUsedBytes = heapUsedBytes;
    this.sampler =
        new Thread(
            () -> {
              int round = 0;
              while (running) {
                peakRssKb = Math.max(peakRssKb, statusKb(appPid, "VmRSS"));
                if (round++ % 4 == 0) {
                  long heap = heapUsedBytes.getAsLong();
                  peakHeapBytes = Math.max(peakHeapBytes, heap);
                  overallPeakHeapBytes = Math.max(overallPeakHeapBytes, heap);
                }
                try {
                  Thread.sleep(500);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "probe");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Where a scenario starts: CPU counters now, peaks reset. */
  Mark mark() {
    peakRssKb = statusKb(appPid, "VmRSS");
    peakHeapBytes = heapUsedBytes.getAsLong();
    return new Mark(cpuSeconds(appPid, false), postgresCpuSeconds(), System.nanoTime());
  }

  /** The figures of a scenario since its mark. */
  Map<String, Object> since(Mark mark) {
    Map<String, Object> figures = new LinkedHashMap<>();
    double wall = (System.nanoTime() - mark.nanos) / 1e9;
    double app = cpuSeconds(appPid, false) - mark.appCpu;
    double postgres = postgresCpuSeconds() - mark.postgresCpu;
    figures.put("wallSeconds", Samples.round(wall));
    figures.put("appCpuSeconds", Samples.round(app));
    figures.put("appCpuCores", Math.round(app / wall * 100) / 100.0);
    figures.put("postgresCpuSeconds", Samples.round(postgres));
    figures.put("peakRssMb", peakRssKb / 1024);
    figures.put("peakHeapUsedMb", peakHeapBytes / (1024 * 1024));
    figures.put("appVmHwmMb", statusKb(appPid, "VmHWM") / 1024);
    figures.put("runPeakHeapUsedMb", overallPeakHeapBytes / (1024 * 1024));
    figures.put("loadAverage", loadAverage());
    return figures;
  }

  record Mark(double appCpu, double postgresCpu, long nanos) {}

  static long statusKb(long pid, String field) {
    try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
      return lines
          .filter(line -> line.startsWith(field + ":"))
          .findFirst()
          .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
          .orElse(0L);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** utime+stime (and the reaped children's when asked) in seconds. */
  static double cpuSeconds(long pid, boolean withChildren) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // the command name may hold spaces: fields start after the closing parenthesis
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields[0] is state (field 3); utime is field 14, stime 15, cutime 16, cstime 17
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      if (withChildren) {
        ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
      }
      return ticks / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  static long parentPid(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  double postgresCpuSeconds() {
    long postmaster = postmasterPid.getAsLong();
    if (postmaster <= 0) {
      return 0;
    }
    double total = cpuSeconds(postmaster, true);
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      total +=
          processes
              .map(path -> path.getFileName().toString())
              .filter(name -> name.matches("\\d+"))
              .mapToLong(Long::parseLong)
              .filter(pid -> parentPid(pid) == postmaster)
              .mapToDouble(pid -> cpuSeconds(pid, false))
              .sum();
    } catch (IOException e) {
      // no /proc: no figure
    }
    return total;
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "?";
    }
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
