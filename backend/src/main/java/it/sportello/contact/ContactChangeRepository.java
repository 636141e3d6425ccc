package it.sportello.contact;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ContactChangeRepository extends JpaRepository<ContactChange, Long> {

  Page<ContactChange> findByContactIdOrderByChangedAtDescIdDesc(long contactId, Pageable pageable);
}
