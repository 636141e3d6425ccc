package it.sportello.contact;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ContactRepository extends JpaRepository<Contact, Long> {

  Optional<Contact> findByFiscalCode(String fiscalCode);

  Optional<Contact> findByVatNumber(String vatNumber);

  @Query("select c from Contact c where c.phone = :phone and c.mergedIntoId is null order by c.id")
  List<Contact> findByPhone(String phone, Limit limit);

  default List<Contact> findTop10ByPhoneOrderByIdAsc(String phone) {
    return findByPhone(phone, Limit.of(10));
  }

  @Query(
      "select c from Contact c where lower(c.email) = :email and c.mergedIntoId is null order by"
          + " c.id")
  List<Contact> findByEmail(String email);

  /** Contacts whose name contains {@code text} or whose identifiers equal it; by name. */
  @Query(
      """
      select c from Contact c
      where c.mergedIntoId is null
        and (lower(c.name) like concat('%', :text, '%')
         or upper(c.fiscalCode) = upper(:text) or upper(c.vatNumber) = upper(:text)
         or lower(c.email) = :text or c.phone = :text)
      order by c.name, c.id""")
  List<Contact> search(String text, Limit limit);

  /**
   * Contacts that may be the same as another: same fiscal code or VAT number (either way round),
   * same e-mail or PEC, same phone, same name; never merged ones. An absent value is passed as
   * {@code ""}, which no stored identifier equals (blank values are stored as null).
   */
  @Query(
      """
      select c from Contact c
      where c.id <> :id and c.mergedIntoId is null
        and (c.fiscalCode = :fiscalCode or c.vatNumber = :fiscalCode
          or c.vatNumber = :vatNumber or c.fiscalCode = :vatNumber
          or lower(c.email) = :email or lower(c.pec) = :email
          or lower(c.email) = :pec or lower(c.pec) = :pec
          or c.phone = :phone
          or lower(c.name) = :name)
      order by c.id""")
  List<Contact> lookalikes(
      long id,
      String fiscalCode,
      String vatNumber,
      String email,
      String pec,
      String phone,
      String name,
      Limit limit);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from Contact c where c.id = :id")
  Optional<Contact> lock(long id);
}
