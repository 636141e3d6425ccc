package it.sportello.ticket.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface TicketRepository
    extends JpaRepository<Ticket, Long>, JpaSpecificationExecutor<Ticket> {

  Optional<Ticket> findByNumber(String number);

  Optional<Ticket> findByCreatedByAndIdempotencyKey(String createdBy, String idempotencyKey);
}
