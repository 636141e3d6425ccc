package it.sportello.chat;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The operators' tools of the chat ({@code sportello.chat.desk}): the queue, the wait estimate and
 * the files sent in a chat.
 *
 * @param defaultQueue the queue a chat waits in when the hand-off names none
 * @param handlingSample how many of the queue's latest chats closed by an operator give the average
 *     handling time
 * @param handlingWindowDays only chats closed in these last days count for the average
 * @param defaultHandlingMinutes the handling time assumed while fewer than three such chats exist
 * @param answeringWindowMinutes an operator who took a chat of the queue in these last minutes, or
 *     handles one now, counts as answering the queue
 * @param attachmentMaxSize the largest file sent in a chat (and never above the documents module's
 *     {@code sportello.documents.max-size})
 * @param attachmentTypes the media types accepted, as the documents module detects them (Tika, from
 *     the content and the name), never as the sender declares them
 */
@Validated
@ConfigurationProperties("sportello.chat.desk")
public record ChatDeskProperties(
    @NotBlank @DefaultValue("general") String defaultQueue,
    @Min(1) @Max(1000) @DefaultValue("20") int handlingSample,
    @Min(1) @Max(365) @DefaultValue("7") int handlingWindowDays,
    @Min(1) @Max(240) @DefaultValue("5") int defaultHandlingMinutes,
    @Min(1) @Max(1440) @DefaultValue("60") int answeringWindowMinutes,
    @DefaultValue("10MB") DataSize attachmentMaxSize,
    @DefaultValue({
          "application/pdf",
          "image/png",
          "image/jpeg",
          "image/gif",
          "text/plain",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "application/vnd.oasis.opendocument.text",
          "application/vnd.oasis.opendocument.spreadsheet",
          "application/msword",
          "application/vnd.ms-excel",
          "application/pkcs7-mime"
        })
        List<String> attachmentTypes) {}
