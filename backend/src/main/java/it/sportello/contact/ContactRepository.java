package it.sportello.contact;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ContactRepository extends JpaRepository<Contact, Long> {

  Optional<Contact> findByFiscalCode(String fiscalCode);

  Optional<Contact> findByVatNumber(String vatNumber);

  List<Contact> findTop10ByPhoneOrderByIdAsc(String phone);

  @Query("select c from Contact c where lower(c.email) = :email order by c.id")
  List<Contact> findByEmail(String email);

  /** Contacts whose name contains {@code text} or whose identifiers equal it; by name. */
  @Query(
      """
      select c from Contact c
      where lower(c.name) like concat('%', :text, '%')
         or upper(c.fiscalCode) = upper(:text) or upper(c.vatNumber) = upper(:text)
         or lower(c.email) = :text or c.phone = :text
      order by c.name, c.id""")
  List<Contact> search(String text, Limit limit);
}
