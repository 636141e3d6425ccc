package it.sportello.distribution;

import static it.sportello.distribution.WorkChannel.CHAT;
import static it.sportello.distribution.WorkChannel.OFFLINE;
import static it.sportello.distribution.WorkChannel.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CapacityTest {

  @Test
  void neverBeyondTheChannelsCapacity() {
    Capacity capacity = Capacity.DEFAULT.with(Map.of(CHAT, 3, OFFLINE, 2));
    assertThat(capacity.allows(CHAT, Map.of(CHAT, 2))).isTrue();
    assertThat(capacity.allows(CHAT, Map.of(CHAT, 3))).isFalse();
    assertThat(capacity.allows(OFFLINE, Map.of(OFFLINE, 1, CHAT, 3))).isTrue();
    assertThat(capacity.allows(OFFLINE, Map.of(OFFLINE, 2))).isFalse();
  }

  @Test
  void aCallInProgressStopsOffersOfOfflineWorkButNotOfChats() {
    Capacity capacity = Capacity.DEFAULT;
    Map<WorkChannel, Integer> onCall = Map.of(PHONE, 1, OFFLINE, 0, CHAT, 0);
    assertThat(capacity.allows(OFFLINE, onCall)).isFalse();
    assertThat(capacity.allows(PHONE, onCall)).isFalse();
    assertThat(capacity.allows(CHAT, onCall)).isTrue();
    assertThat(capacity.allows(OFFLINE, Map.of())).isTrue();
  }

  @Test
  void anOperatorWithoutAChannelIsNeverOfferedIt() {
    Capacity phoneOnly = new Capacity(Map.of(PHONE, 1));
    assertThat(phoneOnly.allows(OFFLINE, Map.of())).isFalse();
    assertThat(phoneOnly.allows(CHAT, Map.of())).isFalse();
    assertThat(phoneOnly.allows(PHONE, Map.of())).isTrue();
  }

  @Test
  void theDefaultIsOneCallThreeChatsOneOfflineTask() {
    assertThat(Capacity.DEFAULT.max())
        .containsEntry(PHONE, 1)
        .containsEntry(CHAT, 3)
        .containsEntry(OFFLINE, 1);
  }
}
