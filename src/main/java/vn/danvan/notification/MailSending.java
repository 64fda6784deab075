package vn.danvan.notification;

import static vn.danvan.notification.NotificationVariables.SUBJECT;
import static vn.danvan.notification.NotificationVariables.TEXT;
import static vn.danvan.notification.NotificationVariables.TO;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Sends one notification ({@code to}, {@code subject}, {@code text}) over SMTP. Runs as a job of
 * {@code thongBaoEmail}: an exception (server down, address refused) makes the job retry on the
 * model's cycle and then raise an incident an administrator sees in Cockpit.
 */
public class MailSending implements JavaDelegate {

  private final JavaMailSender sender;
  private final String from;

  public MailSending(JavaMailSender sender, String from) {
    this.sender = sender;
    this.from = from;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (sender == null) {
      throw new IllegalStateException("Chưa cấu hình máy chủ thư (spring.mail.host)");
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(((String) execution.getVariable(TO)).split(","));
    message.setSubject((String) execution.getVariable(SUBJECT));
    message.setText((String) execution.getVariable(TEXT));
    sender.send(message);
  }
}
