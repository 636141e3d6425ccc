package it.sportello.ticket.canned;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CannedReplyRepository extends JpaRepository<CannedReply, Long> {

  /** The user's own and the shared replies not deleted, by title. */
  @Query(
      "select r from CannedReply r where r.deletedAt is null and (r.owner is null or r.owner = ?1)"
          + " order by lower(r.title), r.id")
  List<CannedReply> visibleTo(String user);
}
