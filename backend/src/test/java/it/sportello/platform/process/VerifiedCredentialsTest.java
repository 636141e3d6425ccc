package it.sportello.platform.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import it.sportello.platform.security.LoginThrottle;
import it.sportello.shared.IdentityChanged;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Basic credentials sent with every request are verified once (password hash, disabled check,
 * groups), checked again after any change of identities; a wrong password is never taken for a
 * verified one.
 */
class VerifiedCredentialsTest {

  private final IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
  private CamundaIdentityAuthenticationProvider provider;

  @BeforeEach
  @SuppressWarnings("unchecked")
  void setUp() {
    LoginThrottle throttle = mock(LoginThrottle.class);
    when(throttle.guard(any(), any()))
        .thenAnswer(call -> ((Supplier<Authentication>) call.getArgument(1)).get());
    when(identity.checkPassword("operator1", "demo")).thenReturn(true);
    Group level1 = mock(Group.class);
    when(level1.getId()).thenReturn("level1");
    when(identity.createGroupQuery().groupMember("operator1").list()).thenReturn(List.of(level1));
    provider =
        new CamundaIdentityAuthenticationProvider(
            identity, throttle, mock(ObjectProvider.class), Duration.ofMinutes(1));
  }

  private Authentication login(String user, String password) {
    return provider.authenticate(
        UsernamePasswordAuthenticationToken.unauthenticated(user, password));
  }

  @Test
  void theSameCredentialsAreVerifiedOnce() {
    Authentication first = login("operator1", "demo");
    Authentication second = login("operator1", "demo");
    assertThat(second.getAuthorities())
        .extracting(GrantedAuthority::getAuthority)
        .containsExactlyElementsOf(
            first.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList())
        .isNotEmpty();
    verify(identity, times(1)).checkPassword("operator1", "demo");
  }

  @Test
  void aWrongPasswordIsCheckedAndRefusedAfterTheRightOne() {
    login("operator1", "demo");
    assertThatThrownBy(() -> login("operator1", "wrong"))
        .isInstanceOf(BadCredentialsException.class);
    verify(identity, times(1)).checkPassword("operator1", "wrong");
  }

  @Test
  void aChangeOfTheUserOrOfAnyIdentityChecksAgain() {
    login("operator1", "demo");
    provider.identityChanged(new IdentityChanged("operator1"));
    login("operator1", "demo");
    provider.identityChanged(IdentityChanged.anyUser());
    login("operator1", "demo");
    provider.identityChanged(new IdentityChanged("someone-else"));
    login("operator1", "demo");
    verify(identity, times(3)).checkPassword("operator1", "demo");
  }
}
