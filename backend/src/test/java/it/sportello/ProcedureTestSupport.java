package it.sportello;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.channel.mail.EmbeddedMailServer;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/** What the procedures' wiring tests share: tasks by business key, jobs, uploads, mailboxes. */
public abstract class ProcedureTestSupport extends IntegrationTest {

  @Autowired protected ManagementService managementService;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected EmbeddedMailServer mailServer;

  /** The one task of the business object the user may see (of a called approval too). */
  protected JsonNode taskFor(String businessKey, String user) {
    JsonNode items = get("/api/tasks?businessKey=" + businessKey, user).getBody().path("items");
    if (items.size() != 1) {
      throw new AssertionError(
          user + " sees " + items.size() + " tasks of " + businessKey + ": " + items);
    }
    return items.get(0);
  }

  protected int taskCount(String businessKey, String user) {
    return get("/api/tasks?businessKey=" + businessKey, user).getBody().path("items").size();
  }

  protected ResponseEntity<JsonNode> complete(String taskId, String user, Object form) {
    return post("/api/tasks/" + taskId + "/complete", user, form);
  }

  /** Runs the due asynchronous continuation or timer at the element of the business object. */
  protected void runJob(String businessKey, String processKey, String activityId) {
    String instance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(businessKey)
            .processDefinitionKey(processKey)
            .singleResult()
            .getId();
    Job job =
        managementService
            .createJobQuery()
            .processInstanceId(instance)
            .activityId(activityId)
            .singleResult();
    if (job == null) {
      throw new AssertionError("no job at " + activityId + " for " + businessKey);
    }
    managementService.executeJob(job.getId());
  }

  protected ResponseEntity<JsonNode> upload(
      String path, String user, String role, String fileName, byte[] bytes) {
    return upload(path, user, java.util.Map.of("role", role), fileName, bytes);
  }

  protected static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The subjects of the messages in the address's mailbox on the embedded server (over IMAP). */
  protected List<String> subjectsInMailbox(String address) throws Exception {
    Session session = Session.getInstance(new Properties());
    try (Store store = session.getStore("imap")) {
      store.connect(mailServer.host(), mailServer.imapPort(), address, address);
      Folder folder = store.getFolder("INBOX");
      folder.open(Folder.READ_ONLY);
      List<String> subjects = new ArrayList<>();
      for (Message message : folder.getMessages()) {
        subjects.add(message.getSubject());
      }
      folder.close(false);
      return subjects;
    }
  }

  protected static List<String> kinds(JsonNode timeline) {
    List<String> kinds = new ArrayList<>();
    timeline.forEach(entry -> kinds.add(entry.path("kind").asText()));
    return kinds;
  }
}
