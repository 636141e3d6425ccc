package it.sportello.contact;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface InteractionRepository extends JpaRepository<Interaction, Long> {

  Page<Interaction> findByContactIdOrderByOccurredAtDescIdDesc(long contactId, Pageable pageable);

  Optional<Interaction> findFirstByTicketIdOrderByIdDesc(long ticketId);

  Page<Interaction> findByContactIdInOrderByOccurredAtDescIdDesc(
      java.util.Collection<Long> contactIds, Pageable pageable);

  java.util.List<Interaction> findByTicketIdOrderByIdAsc(long ticketId);
}
