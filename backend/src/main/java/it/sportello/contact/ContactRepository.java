package it.sportello.contact;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ContactRepository extends JpaRepository<Contact, Long> {

  Optional<Contact> findByFiscalCode(String fiscalCode);

  Optional<Contact> findByVatNumber(String vatNumber);

  List<Contact> findTop10ByPhoneOrderByIdAsc(String phone);

  @Query("select c from Contact c where lower(c.email) = :email order by c.id")
  List<Contact> findByEmail(String email);
}
