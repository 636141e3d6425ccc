package it.sportello.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CitizenClaimsTest {

  private final CitizenClaims claims =
      new CitizenClaims(new CitizenOidcProperties.Claims(null, null, null, null, null, null, null));

  @Test
  void aSpidGatewaysFiscalNumberLosesItsPrefixAndTheAcrGivesTheLevel() {
    Citizen citizen =
        claims.citizen(
            Map.of(
                "fiscalNumber", "TINIT-rssmra80a41h501u",
                "given_name", "Maria",
                "family_name", "Rossi",
                "email", "Maria.Rossi@Example.it",
                "email_verified", true,
                "acr", "https://www.spid.gov.it/SpidL3"));
    assertThat(citizen)
        .isEqualTo(
            new Citizen(
                "RSSMRA80A41H501U",
                "Maria",
                "Rossi",
                "maria.rossi@example.it",
                true,
                IdentityScheme.SPID,
                AssuranceLevel.L3));
  }

  @Test
  void theFederationsClaimAndAPlainFiscalCodeAreAcceptedAndCieIsRecognised() {
    assertThat(
            claims
                .citizen(
                    Map.of("https://attributes.eid.gov.it/fiscal_number", "TINIT-VRDGPP75C12F205X"))
                .fiscalCode())
        .isEqualTo("VRDGPP75C12F205X");
    Citizen cie = claims.citizen(Map.of("fiscal_code", "VRDGPP75C12F205X", "amr", List.of("cie")));
    assertThat(cie.scheme()).isEqualTo(IdentityScheme.CIE);
    assertThat(cie.level()).isEqualTo(AssuranceLevel.L3);
    assertThat(cie.emailVerified()).isFalse();
  }

  @Test
  void withoutAValidFiscalCodeThereIsNoCitizen() {
    assertThatThrownBy(() -> claims.citizen(Map.of("given_name", "Maria")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> claims.citizen(Map.of("fiscalNumber", "TINIT-12345")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(AssuranceLevel.parse("SpidL1")).contains(AssuranceLevel.L1);
    assertThat(AssuranceLevel.parse("urn:unknown")).isEmpty();
  }
}
