package it.sportello.channel.phone.asterisk;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.channel.phone.PhoneEvents;
import it.sportello.channel.phone.PhoneProperties;
import it.sportello.channel.phone.TelephonyPort;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Asterisk driver, on when {@code sportello.phone.asterisk.url} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${sportello.phone.asterisk.url:}' != ''")
class AsteriskConfiguration {

  @Bean
  TelephonyPort asteriskTelephony(PhoneProperties properties) {
    return new AsteriskTelephony(properties.asterisk());
  }

  @Bean
  AsteriskEvents asteriskEvents(
      PhoneProperties properties, ObjectMapper objectMapper, PhoneEvents events) {
    return new AsteriskEvents(properties.asterisk(), new AriEventMapper(objectMapper), events);
  }
}
