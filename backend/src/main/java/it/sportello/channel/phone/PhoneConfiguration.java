package it.sportello.channel.phone;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The phone channel's telephony driver (scheduling: {@code platform.scheduling}): Asterisk when
 * {@code sportello.phone.asterisk.url} is set, else none (events come through the CTI webhook;
 * call-backs are dialled by hand and their outcome recorded by the operator).
 */
@Configuration(proxyBeanMethods = false)
class PhoneConfiguration {

  @Bean
  @ConditionalOnExpression("'${sportello.phone.asterisk.url:}' == ''")
  TelephonyPort manualTelephony() {
    return new TelephonyPort() {
      @Override
      public OriginateResult originate(OriginateRequest request) {
        return new OriginateResult(
            OriginateResult.Status.MANUAL, null, "No telephony platform connected");
      }

      @Override
      public String name() {
        return "manual";
      }
    };
  }
}
