package vn.danvan.security;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start without an administrator password outside the demo profile. Camunda would
 * otherwise create the administrator with a password equal to its id.
 */
public class AdminAccountGuard implements EnvironmentPostProcessor {

  static final String DEMO_PROFILE = "demo";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
    if (Arrays.asList(env.getActiveProfiles()).contains(DEMO_PROFILE)) {
      return;
    }
    String id = env.getProperty("camunda.bpm.admin-user.id");
    String password = env.getProperty("camunda.bpm.admin-user.password");
    if (id != null && (password == null || password.isBlank())) {
      throw new IllegalStateException(
          "Chưa đặt mật khẩu quản trị: đặt biến môi trường DANVAN_ADMIN_PASSWORD (tài khoản \""
              + id
              + "\"), hoặc chạy hồ sơ demo (--spring.profiles.active=demo)."
              + " Refusing to start: no administrator password outside the demo profile.");
    }
  }
}
