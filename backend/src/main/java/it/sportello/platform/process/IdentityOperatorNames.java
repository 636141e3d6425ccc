package it.sportello.platform.process;

import it.sportello.shared.OperatorNames;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Users' names from the engine's identity service (where the users and their groups live). */
@Component
class IdentityOperatorNames implements OperatorNames {

  private final IdentityService identityService;

  IdentityOperatorNames(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Optional<String> nameOf(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return Optional.empty();
    }
    String name =
        Stream.of(user.getFirstName(), user.getLastName())
            .filter(part -> part != null && !part.isBlank())
            .collect(Collectors.joining(" "));
    return name.isEmpty() ? Optional.empty() : Optional.of(name);
  }
}
