package vn.danvan.notification;

/** The variables of {@code thongBaoEmail.bpmn}: one e-mail. */
public final class NotificationVariables {

  public static final String TO = "to";
  public static final String SUBJECT = "subject";
  public static final String TEXT = "text";

  private NotificationVariables() {}
}
