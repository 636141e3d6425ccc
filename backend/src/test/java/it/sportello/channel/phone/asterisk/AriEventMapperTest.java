package it.sportello.channel.phone.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.channel.phone.TelephonyEvent;
import it.sportello.channel.phone.TelephonyEventKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Asterisk's ARI messages of a normal call, a transfer, an abandoned call and a recording. */
class AriEventMapperTest {

  private final AriEventMapper mapper = new AriEventMapper(new ObjectMapper());

  private static String channel(String state) {
    return """
        {"id":"1733000000.42","name":"PJSIP/trunk-00000012","state":"%s",
         "caller":{"name":"","number":"+390612345678"},
         "dialplan":{"context":"from-trunk","exten":"800100","priority":3}}"""
        .formatted(state);
  }

  @Test
  void aCallAnsweredTransferredAndHungUp() {
    List<String> stream =
        List.of(
            """
            {"type":"StasisStart","timestamp":"2026-11-30T10:15:02.123+0100","args":["general"],
             "channel":%s,"application":"sportello"}"""
                .formatted(channel("Ring")),
            """
            {"type":"ChannelVarset","timestamp":"2026-11-30T10:15:14.500+0100","variable":"SPORTELLO_AGENT",
             "value":"operator1","channel":%s,"application":"sportello"}"""
                .formatted(channel("Up")),
            """
            {"type":"ChannelVarset","timestamp":"2026-11-30T10:17:00.000+0100","variable":"SPORTELLO_TRANSFER",
             "value":"agent:operator2","channel":%s,"application":"sportello"}"""
                .formatted(channel("Up")),
            """
            {"type":"ChannelDestroyed","timestamp":"2026-11-30T10:20:00.000+0100","cause":16,
             "cause_txt":"Normal Clearing","channel":%s,"application":"sportello"}"""
                .formatted(channel("Up")));

    List<TelephonyEvent> events =
        stream.stream().map(mapper::map).flatMap(Optional::stream).toList();

    assertThat(events)
        .extracting(TelephonyEvent::kind)
        .containsExactly(
            TelephonyEventKind.CALL_OFFERED,
            TelephonyEventKind.CALL_ANSWERED,
            TelephonyEventKind.CALL_TRANSFERRED,
            TelephonyEventKind.CALL_ENDED);
    assertThat(events).extracting(TelephonyEvent::callId).containsOnly("1733000000.42");
    TelephonyEvent offered = events.get(0);
    assertThat(offered.queue()).isEqualTo("general");
    assertThat(offered.callerNumber()).isEqualTo("+390612345678");
    assertThat(offered.occurredAt()).isEqualTo(Instant.parse("2026-11-30T09:15:02.123Z"));
    assertThat(events.get(1).agent()).isEqualTo("operator1");
    assertThat(events.get(2).toAgent()).isEqualTo("operator2");
    assertThat(events).extracting(TelephonyEvent::eventId).doesNotHaveDuplicates();
    assertThat(mapper.map(stream.get(0)).orElseThrow().eventId())
        .as("the same message twice has the same event id")
        .isEqualTo(offered.eventId());
  }

  @Test
  void aCallerWhoHangsUpBeforeAnAnswerAbandons() {
    TelephonyEvent event =
        mapper
            .map(
                """
                {"type":"ChannelDestroyed","timestamp":"2026-11-30T10:16:40.000+0100","cause":16,
                 "channel":%s}"""
                    .formatted(channel("Ring")))
            .orElseThrow();

    assertThat(event.kind()).isEqualTo(TelephonyEventKind.CALL_ABANDONED);
  }

  @Test
  void aFinishedRecordingIsAvailableForTheCall() {
    TelephonyEvent event =
        mapper
            .map(
                """
                {"type":"RecordingFinished","timestamp":"2026-11-30T10:20:01.000+0100",
                 "recording":{"name":"call-1733000000.42","format":"wav","state":"done",
                  "target_uri":"channel:1733000000.42","duration":298}}""")
            .orElseThrow();

    assertThat(event.kind()).isEqualTo(TelephonyEventKind.RECORDING_AVAILABLE);
    assertThat(event.callId()).isEqualTo("1733000000.42");
    assertThat(event.recordingRef()).isEqualTo("ari:recording:call-1733000000.42");
    assertThat(event.mediaType()).isEqualTo("audio/wav");
    assertThat(event.durationSeconds()).isEqualTo(298);
  }

  @Test
  void otherEventsAreIgnored() {
    assertThat(
            mapper.map(
                """
                {"type":"ChannelDtmfReceived","digit":"1","channel":%s}"""
                    .formatted(channel("Up"))))
        .isEmpty();
  }
}
