package it.sportello.distribution;

import java.util.EnumMap;
import java.util.Map;

/**
 * How much work of each channel an operator may hold at once (for example one call, or up to three
 * chats, or one offline task), and the rule that decides whether one more may be offered.
 */
public record Capacity(Map<WorkChannel, Integer> max) {

  /** When an operator has no capacity of their own. */
  public static final Capacity DEFAULT =
      new Capacity(Map.of(WorkChannel.PHONE, 1, WorkChannel.CHAT, 3, WorkChannel.OFFLINE, 1));

  public Capacity {
    Map<WorkChannel, Integer> all = new EnumMap<>(WorkChannel.class);
    for (WorkChannel channel : WorkChannel.values()) {
      all.put(channel, Math.max(0, max.getOrDefault(channel, 0)));
    }
    max = Map.copyOf(all);
  }

  /** This capacity with the operator's own values where they have some. */
  public Capacity with(Map<WorkChannel, Integer> own) {
    Map<WorkChannel, Integer> merged = new EnumMap<>(max);
    merged.putAll(own);
    return new Capacity(merged);
  }

  /**
   * Whether one more item of the channel may be offered to an operator holding {@code load}: never
   * beyond the channel's capacity, and no offline work while a call is in progress.
   */
  public boolean allows(WorkChannel channel, Map<WorkChannel, Integer> load) {
    if (channel == WorkChannel.OFFLINE && load.getOrDefault(WorkChannel.PHONE, 0) > 0) {
      return false;
    }
    return load.getOrDefault(channel, 0) < max.get(channel);
  }
}
