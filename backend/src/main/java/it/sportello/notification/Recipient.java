package it.sportello.notification;

/** Who a notification in the application is for: one user, or every member of a group. */
public record Recipient(Type type, String id) {

  public enum Type {
    USER,
    GROUP
  }

  public static Recipient user(String userId) {
    return new Recipient(Type.USER, userId);
  }

  public static Recipient group(String groupId) {
    return new Recipient(Type.GROUP, groupId);
  }
}
