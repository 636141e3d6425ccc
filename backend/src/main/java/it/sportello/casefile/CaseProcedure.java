package it.sportello.casefile;

import it.sportello.document.Documents;
import it.sportello.document.StoredDocument;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.TextTemplates;
import it.sportello.sla.SlaService;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The part every formal procedure's use cases share (letters, complaints): reading one case or the
 * register within a {@link CaseReader}'s scope, checking an upload's role, and the {@link
 * ProcedureKit} they work with.
 *
 * @param <T> the case
 * @param <F> the register's filter
 */
public abstract class CaseProcedure<T, F> {

  /** Finds one case within the reader's scope. */
  @FunctionalInterface
  protected interface Find<T> {
    Optional<T> find(String number, CaseReader reader);
  }

  /** The register's cases within the reader's scope, newest first. */
  @FunctionalInterface
  protected interface Search<T, F> {
    List<T> search(F filter, CaseReader reader, int limit);
  }

  protected final TextTemplates templates;
  protected final CaseNumbers numbers;
  protected final CaseDocuments caseDocuments;
  protected final Documents documents;
  protected final Timeline timeline;
  protected final WorkingDays workingDays;
  protected final ProceduresProperties properties;
  protected final SlaService sla;
  protected final TransactionTemplate transactions;
  protected final Clock clock;
  private final Find<T> find;
  private final Search<T, F> search;
  private final String notFound;

  /**
   * @param notFound the start of the answer for a case that is not there (the number follows)
   */
  protected CaseProcedure(ProcedureKit kit, Find<T> find, Search<T, F> search, String notFound) {
    this.templates = kit.templates;
    this.numbers = kit.numbers;
    this.caseDocuments = kit.caseDocuments;
    this.documents = kit.documents;
    this.timeline = kit.timeline;
    this.workingDays = kit.workingDays;
    this.properties = kit.properties;
    this.sla = kit.sla;
    this.transactions = new TransactionTemplate(kit.transactionManager);
    this.clock = kit.clock;
    this.find = find;
    this.search = search;
    this.notFound = notFound;
  }

  @Transactional(readOnly = true)
  public T get(String number) {
    return get(number, CaseReader.wholeRegister("system"));
  }

  /**
   * The case, if {@code reader} may read it: one of their offices', or one they acted on.
   *
   * @throws NotFoundException also when they may not: its existence stays hidden
   */
  @Transactional(readOnly = true)
  public T get(String number, CaseReader reader) {
    return find.find(number, reader).orElseThrow(() -> new NotFoundException(notFound + number));
  }

  /** The cases {@code reader} may read, newest first. */
  @Transactional(readOnly = true)
  public List<T> search(F filter, CaseReader reader, int limit) {
    return search.search(filter, reader, limit);
  }

  /**
   * Stores an upload's bytes (outside any transaction: text extraction may take seconds) once its
   * role is one of {@code roles} and the case is still open ({@code requireOpen}).
   *
   * @throws InvalidRequestException naming {@code role} for another role
   */
  protected StoredDocument storeUpload(
      Set<String> roles, String role, Runnable requireOpen, String fileName, InputStream content) {
    if (role == null || !roles.contains(role)) {
      throw new InvalidRequestException("role", "must be one of " + roles);
    }
    requireOpen.run();
    return documents.store(fileName, content);
  }
}
