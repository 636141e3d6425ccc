package it.sportello.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** What the work distribution's wiring tests share: a queue's policy and operators' skills. */
abstract class DistributionTestSupport extends IntegrationTest {

  /** Sets the queue's policy as the supervisor; the test fails unless it is taken. */
  protected void policy(
      String queue, String policy, String mode, int offerTimeoutSeconds, int missedOffersToPause) {
    ResponseEntity<JsonNode> response =
        call(
            HttpMethod.PUT,
            "/api/distribution/policies/" + queue,
            "supervisor",
            Map.of(
                "policy",
                policy,
                "mode",
                mode,
                "offerTimeoutSeconds",
                offerTimeoutSeconds,
                "missedOffersToPause",
                missedOffersToPause));
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
  }

  /** Gives the operator a skill as the supervisor; the test fails unless it is taken. */
  protected void skill(String operator, String kind, String code, int proficiency) {
    ResponseEntity<JsonNode> response =
        call(
            HttpMethod.PUT,
            "/api/distribution/operators/" + operator + "/skills",
            "supervisor",
            Map.of("kind", kind, "code", code, "proficiency", proficiency));
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
  }
}
