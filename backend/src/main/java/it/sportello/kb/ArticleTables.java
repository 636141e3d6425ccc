package it.sportello.kb;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The knowledge base's tables. Plain SQL: an article is read and written as a whole (variants,
 * links), and the import writes thousands of rows at once.
 */
@Repository
class ArticleTables {

  private static final String ARTICLE_COLUMNS =
      "a.id, a.category_id, c.code as category_code, a.status, a.audience, a.roles, a.tags,"
          + " a.review_at, a.version, a.created_by, a.created_at, a.updated_by, a.updated_at,"
          + " a.published_at, a.source_ticket";

  private final JdbcClient jdbc;

  ArticleTables(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ---------------------------------------------------------------------------------------------
  // categories

  Optional<Category> category(String code) {
    return jdbc.sql(
            "select id, parent_id, code, name, depth from sportello.kb_category where code = ?")
        .param(code)
        .query(ArticleTables::category)
        .optional();
  }

  Optional<Category> category(long id) {
    return jdbc.sql(
            "select id, parent_id, code, name, depth from sportello.kb_category where id = ?")
        .param(id)
        .query(ArticleTables::category)
        .optional();
  }

  List<Category> children(Long parentId) {
    return children(parentId, null);
  }

  /** The children with their names in {@code language} (Italian where a name is missing). */
  List<Category> children(Long parentId, String language) {
    List<Object> params = new java.util.ArrayList<>();
    params.add(language == null ? "it" : language);
    if (parentId != null) {
      params.add(parentId);
    }
    return jdbc.sql(
            "select id, parent_id, code, coalesce(names ->> ?, name) as name, depth"
                + " from sportello.kb_category where "
                + (parentId == null ? "parent_id is null" : "parent_id = ?")
                + " order by position, name, id")
        .params(params)
        .query(ArticleTables::category)
        .list();
  }

  /** Inserts or renames a category by code; returns its id. */
  long upsertCategory(Long parentId, String code, String name, int depth, int position) {
    return jdbc.sql(
            """
            insert into sportello.kb_category (parent_id, code, name, depth, position)
            values (:parent, :code, :name, :depth, :position)
            on conflict (code) do update set name = excluded.name, parent_id = excluded.parent_id,
              depth = excluded.depth, position = excluded.position
            returning id""")
        .param("parent", parentId)
        .param("code", code)
        .param("name", name)
        .param("depth", depth)
        .param("position", position)
        .query(Long.class)
        .single();
  }

  List<CategoryTree.Labelled> upToDepth(int depth) {
    return jdbc.sql(
            """
            select c.id, c.parent_id, c.code, c.name, c.depth, p.code as parent_code
              from sportello.kb_category c left join sportello.kb_category p on p.id = c.parent_id
             where c.depth <= ?
             order by c.depth, c.position, c.name, c.id
            """)
        .param(depth)
        .query(
            (rs, row) -> new CategoryTree.Labelled(category(rs, row), rs.getString("parent_code")))
        .list();
  }

  long countCategories(int depth) {
    return jdbc.sql("select count(*) from sportello.kb_category where depth = ?")
        .param(depth)
        .query(Long.class)
        .single();
  }

  private static Category category(ResultSet rs, int row) throws SQLException {
    long parent = rs.getLong("parent_id");
    return new Category(
        rs.getLong("id"),
        rs.wasNull() ? null : parent,
        rs.getString("code"),
        rs.getString("name"),
        rs.getInt("depth"));
  }

  // ---------------------------------------------------------------------------------------------
  // articles

  long insert(
      ArticleDraft draft,
      Long categoryId,
      String author,
      Instant at,
      String sourceTicket,
      String externalKey) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into sportello.kb_article (category_id, status, audience, roles, tags, review_at, version,
              created_by, created_at, updated_by, updated_at, source_ticket, external_key)
            values (:category, 'DRAFT', :audience, :roles, :tags, :reviewAt, 1, :author, :at,
              :author, :at, :ticket, :externalKey)""")
        .param("category", categoryId)
        .param("audience", draft.audience().name())
        .param("roles", String.join(",", draft.roles()))
        .param("tags", String.join(",", draft.tags()))
        .param("reviewAt", draft.reviewAt() == null ? null : Date.valueOf(draft.reviewAt()))
        .param("author", author)
        .param("at", Timestamp.from(at))
        .param("ticket", sourceTicket)
        .param("externalKey", externalKey)
        .update(keys, "id");
    long id = keys.getKey().longValue();
    writeVariantsAndLinks(id, draft);
    return id;
  }

  void update(
      long id, ArticleDraft draft, Long categoryId, int version, String author, Instant at) {
    jdbc.sql(
            """
            update sportello.kb_article set category_id = :category, audience = :audience, roles = :roles,
              tags = :tags, review_at = :reviewAt, version = :version, updated_by = :author,
              updated_at = :at where id = :id""")
        .param("category", categoryId)
        .param("audience", draft.audience().name())
        .param("roles", String.join(",", draft.roles()))
        .param("tags", String.join(",", draft.tags()))
        .param("reviewAt", draft.reviewAt() == null ? null : Date.valueOf(draft.reviewAt()))
        .param("version", version)
        .param("author", author)
        .param("at", Timestamp.from(at))
        .param("id", id)
        .update();
    jdbc.sql("delete from sportello.kb_article_variant where article_id = ?").param(id).update();
    jdbc.sql("delete from sportello.kb_article_link where article_id = ?").param(id).update();
    writeVariantsAndLinks(id, draft);
  }

  private void writeVariantsAndLinks(long id, ArticleDraft draft) {
    for (ArticleVariant variant : draft.variants()) {
      jdbc.sql(
              "insert into sportello.kb_article_variant (article_id, language, title, summary, body)"
                  + " values (?, ?, ?, ?, ?)")
          .params(
              id,
              variant.language(),
              variant.title().strip(),
              variant.summary() == null ? "" : variant.summary().strip(),
              variant.body() == null ? "" : variant.body())
          .update();
    }
    for (ArticleLink link : draft.links()) {
      jdbc.sql(
              "insert into sportello.kb_article_link (article_id, kind, target, label) values (?, ?, ?, ?)")
          .params(id, link.kind().name(), link.target(), link.label() == null ? "" : link.label())
          .update();
    }
  }

  void setStatus(long id, ArticleStatus status, String actor, Instant at) {
    jdbc.sql(
            "update sportello.kb_article set status = :status, updated_by = :actor, updated_at = :at,"
                + " published_at = case when :status = 'PUBLISHED' then :at else published_at end"
                + " where id = :id")
        .param("status", status.name())
        .param("actor", actor)
        .param("at", Timestamp.from(at))
        .param("id", id)
        .update();
  }

  void setReviewAt(long id, LocalDate reviewAt) {
    jdbc.sql("update sportello.kb_article set review_at = ? where id = ?")
        .params(Date.valueOf(reviewAt), id)
        .update();
  }

  Optional<Article> find(long id) {
    return findAll(List.of(id)).stream().findFirst();
  }

  /** The articles with these ids, in the same order (missing ones left out). */
  List<Article> findAll(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, Article> rows = new LinkedHashMap<>();
    jdbc.sql(
            "select "
                + ARTICLE_COLUMNS
                + " from sportello.kb_article a left join sportello.kb_category c on c.id = a.category_id"
                + " where a.id in (:ids)")
        .param("ids", ids)
        .query(ArticleTables::row)
        .list()
        .forEach(row -> rows.put(row.id(), row));
    Map<Long, List<ArticleVariant>> variants = new LinkedHashMap<>();
    jdbc.sql(
            "select article_id, language, title, summary, body from sportello.kb_article_variant"
                + " where article_id in (:ids) order by article_id, case language when 'it' then 0"
                + " else 1 end, language")
        .param("ids", ids)
        .query(
            (rs, n) -> {
              variants
                  .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                  .add(
                      new ArticleVariant(
                          rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
              return null;
            })
        .list();
    Map<Long, List<ArticleLink>> links = new LinkedHashMap<>();
    jdbc.sql(
            "select article_id, kind, target, label from sportello.kb_article_link where article_id in"
                + " (:ids) order by id")
        .param("ids", ids)
        .query(
            (rs, n) -> {
              links
                  .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                  .add(
                      new ArticleLink(
                          LinkKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)));
              return null;
            })
        .list();
    List<Article> articles = new ArrayList<>();
    for (Long id : ids) {
      Article row = rows.get(id);
      if (row != null) {
        articles.add(
            row.with(variants.getOrDefault(id, List.of()), links.getOrDefault(id, List.of())));
      }
    }
    return articles;
  }

  /** Article ids by filter, latest change first. */
  List<Long> ids(String createdBy, List<ArticleStatus> statuses, int offset, int limit) {
    return jdbc.sql(
            "select id from sportello.kb_article where (cast(:author as varchar) is null or created_by = :author)"
                + " and status in (:statuses) order by updated_at desc, id desc"
                + " offset :offset limit :limit")
        .param("author", createdBy)
        .param("statuses", statuses.stream().map(Enum::name).toList())
        .param("offset", offset)
        .param("limit", limit)
        .query(Long.class)
        .list();
  }

  long count(String createdBy, List<ArticleStatus> statuses) {
    return jdbc.sql(
            "select count(*) from sportello.kb_article where (cast(:author as varchar) is null or created_by = :author)"
                + " and status in (:statuses)")
        .param("author", createdBy)
        .param("statuses", statuses.stream().map(Enum::name).toList())
        .query(Long.class)
        .single();
  }

  /** Ids of the published articles after {@code afterId}, in id order (for a reindex). */
  List<Long> publishedIds(long afterId, int limit) {
    return jdbc.sql(
            "select id from sportello.kb_article where status = 'PUBLISHED' and id > ? order by id limit ?")
        .params(afterId, limit)
        .query(Long.class)
        .list();
  }

  long countPublishedVariants() {
    return jdbc.sql(
            "select count(*) from sportello.kb_article_variant v join sportello.kb_article a on a.id = v.article_id"
                + " where a.status = 'PUBLISHED'")
        .query(Long.class)
        .single();
  }

  Optional<Long> idOfExternalKey(String externalKey) {
    return jdbc.sql("select id from sportello.kb_article where external_key = ?")
        .param(externalKey)
        .query(Long.class)
        .optional();
  }

  // ---------------------------------------------------------------------------------------------
  // versions and events

  void insertVersion(long id, int version, String author, Instant at, String note, String content) {
    jdbc.sql(
            "insert into sportello.kb_article_version (article_id, version, author, created_at, change_note,"
                + " content) values (?, ?, ?, ?, ?, ?)")
        .params(id, version, author, Timestamp.from(at), note == null ? "" : note, content)
        .update();
  }

  List<ArticleVersion> versions(long id) {
    return jdbc.sql(
            "select version, author, created_at, change_note, content from sportello.kb_article_version"
                + " where article_id = ? order by version")
        .param(id)
        .query(
            (rs, n) ->
                new ArticleVersion(
                    rs.getInt(1),
                    rs.getString(2),
                    rs.getTimestamp(3).toInstant(),
                    rs.getString(4),
                    rs.getString(5)))
        .list();
  }

  void insertEvent(long id, Instant at, String actor, String kind, String comment) {
    jdbc.sql(
            "insert into sportello.kb_article_event (article_id, occurred_at, actor, kind, comment)"
                + " values (?, ?, ?, ?, ?)")
        .params(id, Timestamp.from(at), actor, kind, comment)
        .update();
  }

  List<ArticleEvent> events(long id) {
    return jdbc.sql(
            "select occurred_at, actor, kind, comment from sportello.kb_article_event where article_id = ?"
                + " order by id")
        .param(id)
        .query(
            (rs, n) ->
                new ArticleEvent(
                    rs.getTimestamp(1).toInstant(),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4)))
        .list();
  }

  List<String> subscribers(Long categoryId) {
    if (categoryId == null) {
      return List.of();
    }
    return jdbc.sql(
            "select distinct s.user_id from sportello.kb_subscription s where s.category_id = :id or"
                + " s.category_id = (select parent_id from sportello.kb_category where id = :id)"
                + " order by s.user_id")
        .param("id", categoryId)
        .query(String.class)
        .list();
  }

  void subscribe(String userId, long categoryId) {
    jdbc.sql(
            "insert into sportello.kb_subscription (user_id, category_id) values (?, ?) on conflict do"
                + " nothing")
        .params(userId, categoryId)
        .update();
  }

  // ---------------------------------------------------------------------------------------------

  /** The article's row, without its variants and links (read next, for all rows at once). */
  private static Article row(ResultSet rs, int n) throws SQLException {
    long category = rs.getLong("category_id");
    Long categoryId = rs.wasNull() ? null : category;
    Date reviewAt = rs.getDate("review_at");
    Timestamp published = rs.getTimestamp("published_at");
    return new Article(
        rs.getLong("id"),
        categoryId,
        rs.getString("category_code"),
        ArticleStatus.valueOf(rs.getString("status")),
        Audience.valueOf(rs.getString("audience")),
        split(rs.getString("roles")),
        split(rs.getString("tags")),
        reviewAt == null ? null : reviewAt.toLocalDate(),
        rs.getInt("version"),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("updated_by"),
        rs.getTimestamp("updated_at").toInstant(),
        published == null ? null : published.toInstant(),
        rs.getString("source_ticket"),
        List.of(),
        List.of());
  }

  private static List<String> split(String joined) {
    return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
  }
}
