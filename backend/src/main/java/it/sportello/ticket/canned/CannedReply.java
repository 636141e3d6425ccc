package it.sportello.ticket.canned;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A canned reply: personal (its owner's) or shared (no owner), a body per language with
 * placeholders, optionally for one queue. Deleted replies stay, marked.
 */
@Entity
@Table(name = "canned_reply")
public class CannedReply {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String owner;
  private String title;

  @Column(name = "body_it")
  private String bodyIt;

  @Column(name = "body_en")
  private String bodyEn;

  @Column(name = "body_de")
  private String bodyDe;

  @Column(name = "body_fr")
  private String bodyFr;

  private String queue;

  @Version private long version;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_by")
  private String updatedBy;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Column(name = "deleted_by")
  private String deletedBy;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  protected CannedReply() {}

  CannedReply(String owner, CannedReplyDraft draft, String user, Instant now) {
    this.owner = owner;
    this.createdBy = user;
    this.createdAt = now;
    edit(draft, user, now);
  }

  final void edit(CannedReplyDraft draft, String user, Instant now) {
    this.title = draft.title();
    this.bodyIt = draft.bodies().get("it");
    this.bodyEn = draft.bodies().get("en");
    this.bodyDe = draft.bodies().get("de");
    this.bodyFr = draft.bodies().get("fr");
    this.queue = draft.queue();
    this.updatedBy = user;
    this.updatedAt = now;
  }

  void delete(String user, Instant now) {
    this.deletedBy = user;
    this.deletedAt = now;
    this.updatedBy = user;
    this.updatedAt = now;
  }

  /** The language whose body is used for {@code language}: itself if written, else Italian. */
  public String languageOf(String language) {
    String body = bodies().get(language);
    return body == null || body.isBlank() ? "it" : language;
  }

  /** The body in {@code language}, or the Italian one when that language has none. */
  public String bodyIn(String language) {
    return bodies().get(languageOf(language));
  }

  /** The bodies written, by language (Italian always). */
  public Map<String, String> bodies() {
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("it", bodyIt);
    if (bodyEn != null) bodies.put("en", bodyEn);
    if (bodyDe != null) bodies.put("de", bodyDe);
    if (bodyFr != null) bodies.put("fr", bodyFr);
    return bodies;
  }

  public boolean isShared() {
    return owner == null;
  }

  public boolean isDeleted() {
    return deletedAt != null;
  }

  public Long getId() {
    return id;
  }

  public String getOwner() {
    return owner;
  }

  public String getTitle() {
    return title;
  }

  public String getQueue() {
    return queue;
  }

  public long getVersion() {
    return version;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
