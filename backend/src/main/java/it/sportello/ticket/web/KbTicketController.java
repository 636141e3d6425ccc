package it.sportello.ticket.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.contact.ContactRegistry;
import it.sportello.kb.Article;
import it.sportello.kb.ArticleDraft;
import it.sportello.kb.KbLearning;
import it.sportello.kb.KbLearning.LearnedQuery;
import it.sportello.kb.KbLearning.SolvedTicket;
import it.sportello.kb.KbUsage;
import it.sportello.kb.KnowledgeSearch;
import it.sportello.kb.LearnedText;
import it.sportello.kb.UsageSide;
import it.sportello.platform.security.GroupAuthorities;
import it.sportello.search.SearchHit;
import it.sportello.search.SearchResult;
import it.sportello.search.SearchUnavailableException;
import it.sportello.ticket.TicketReaders;
import it.sportello.ticket.application.TicketQueries;
import it.sportello.ticket.domain.Ticket;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The knowledge base beside the ticket: articles suggested for its subject and description, and the
 * articles the operator used to answer it (which teach the article the ticket's words).
 */
@Tag(
    name = "Knowledge base in the ticket",
    description =
        "Suggested articles for a ticket, articles used to answer it, what articles learned")
@Validated
@RestController
@RequestMapping("/api/kb")
class KbTicketController {

  /** The longest text of a ticket sent as a query (the search takes at most 500 characters). */
  static final int MAX_QUERY = 300;

  private final KnowledgeSearch search;
  private final KbUsage usage;
  private final KbLearning learning;
  private final TicketQueries tickets;
  private final ContactRegistry contacts;

  KbTicketController(
      KnowledgeSearch search,
      KbUsage usage,
      KbLearning learning,
      TicketQueries tickets,
      ContactRegistry contacts) {
    this.search = search;
    this.usage = usage;
    this.learning = learning;
    this.tickets = tickets;
    this.contacts = contacts;
  }

  /**
   * Articles suggested for a ticket.
   *
   * @param searchId the search in the usage log: pass it back when opening or using a result
   * @param query the text searched: the ticket's subject and description without personal data
   */
  record KbSuggestions(String ticket, Long searchId, String query, List<SearchHit> hits) {}

  @Operation(
      summary =
          "Articles suggested for a ticket: its subject and description (without the requester's"
              + " personal data) searched among the articles I may read, in the ticket's language")
  @GetMapping("/suggestions")
  KbSuggestions kbSuggestions(
      Authentication authentication,
      @Parameter(description = "The ticket's number") @RequestParam String ticket,
      @Parameter(description = "The articles' language; default: the ticket's (else Italian)")
          @RequestParam(required = false)
          String lang,
      @RequestParam(defaultValue = "5") @Min(1) @Max(20) int size) {
    Ticket found = tickets.get(ticket.strip(), TicketReaders.of(authentication));
    SolvedTicket solved = solvedTicket(found);
    String language = lang;
    if (language == null || language.isBlank()) {
      language = ArticleDraft.LANGUAGES.contains(found.getLanguage()) ? found.getLanguage() : "it";
    }
    String query = LearnedText.of(solved.subject(), solved.firstMessage(), solved.requesterNames());
    if (query.length() > MAX_QUERY) {
      int cut = query.lastIndexOf(' ', MAX_QUERY);
      query = query.substring(0, cut > 0 ? cut : MAX_QUERY);
    }
    if (query.isBlank()) {
      return new KbSuggestions(solved.number(), null, query, List.of());
    }
    SearchResult result = search.search(query, language, null, size, groups(authentication));
    Long searchId =
        usage.searched(
            query,
            language,
            result.total(),
            UsageSide.INTERNAL,
            authentication.getName(),
            solved.number());
    return new KbSuggestions(solved.number(), searchId, query, result.hits());
  }

  @Operation(
      summary =
          "An article answered a ticket: inserted in the reply, linked, or marked as the answer;"
              + " the ticket's subject and first message (without personal data) become query"
              + " text of the article")
  @PostMapping("/articles/{id}/uses")
  ResponseEntity<Void> useKbArticle(
      Authentication authentication, @PathVariable long id, @RequestBody TicketUseRequest request) {
    TicketUseRequest use = request.validated();
    Article article = search.read(id, groups(authentication));
    SolvedTicket solved = solvedTicket(tickets.get(use.ticket(), TicketReaders.of(authentication)));
    learning.used(article, solved, use.kind(), authentication.getName(), use.searchId());
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "What an article learned from the tickets it answered, commonest first")
  @GetMapping("/articles/{id}/learned")
  List<LearnedQuery> kbArticleLearned(@PathVariable long id) {
    return learning.learned(id);
  }

  private SolvedTicket solvedTicket(Ticket ticket) {
    List<String> names = new ArrayList<>();
    if (ticket.getRequesterId() != null) {
      String name = contacts.get(ticket.getRequesterId()).getName();
      if (name != null) {
        names.add(name);
      }
    }
    return new SolvedTicket(
        ticket.getNumber(), ticket.getSubject(), ticket.getDescription(), names);
  }

  private static List<String> groups(Authentication authentication) {
    return GroupAuthorities.groupIds(authentication.getAuthorities());
  }

  @ExceptionHandler(SearchUnavailableException.class)
  ProblemDetail searchUnavailable(
      SearchUnavailableException exception, jakarta.servlet.http.HttpServletResponse response) {
    return exception.problem(response);
  }
}
