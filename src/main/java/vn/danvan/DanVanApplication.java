package vn.danvan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Theo dõi thực hiện văn bản chỉ đạo về công tác dân vận, chạy trên Camunda 7. */
@SpringBootApplication
@EnableScheduling
public class DanVanApplication {

  public static void main(String[] args) {
    SpringApplication.run(DanVanApplication.class, args);
  }
}
