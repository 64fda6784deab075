package vn.danvan.notification;

import java.time.LocalTime;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import vn.danvan.org.OrgRegistry;

/**
 * Notifications and the beans {@code thongBaoEmail.bpmn} calls. Mail goes out when Spring Boot has
 * an SMTP server ({@code spring.mail.host}, port, username, password) and {@code
 * danvan.mail.enabled} is not false; {@code danvan.notification.mode} chooses a daily digest
 * ({@code digest}, the default) or one message per event ({@code per-event}).
 */
@Configuration
public class NotificationDelegates {

  @Bean
  public Notifications notifications(
      OrgRegistry registry,
      ObjectProvider<JavaMailSender> sender,
      @Value("${danvan.mail.enabled:true}") boolean enabled,
      @Value("${danvan.mail.tasklist-url:http://localhost:8080/camunda/app/tasklist/default/}")
          String tasklistUrl,
      @Value("${danvan.mail.retry-cycle:R3/PT5M}") String retryCycle,
      @Value("${danvan.notification.mode:digest}") String mode) {
    Notifications notifications =
        new Notifications(
            registry, enabled && sender.getIfAvailable() != null, tasklistUrl, retryCycle);
    notifications.setMode(Notifications.Mode.of(mode));
    return notifications;
  }

  @Bean
  public Digests digests(
      ProcessEngine engine,
      OrgRegistry registry,
      Notifications notifications,
      DataSource dataSource,
      PlatformTransactionManager transactions,
      @Value("${danvan.notification.digest-time:07:30}") LocalTime at) {
    return new Digests(
        engine, registry, notifications, dataSource, transactions, new DigestSchedule(at));
  }

  @Bean
  public static ProcessEnginePlugin notificationPlugin(
      ObjectProvider<Notifications> notifications) {
    return new NotificationPlugin(
        (java.util.function.Supplier<Notifications>) notifications::getObject);
  }

  @Bean
  public JavaDelegate mailSent(
      ObjectProvider<JavaMailSender> sender,
      @Value("${danvan.mail.from:Theo dõi công tác dân vận <khong-tra-loi@danvan.local>}")
          String from) {
    return new MailSending(sender.getIfAvailable(), from);
  }
}
