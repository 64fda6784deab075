package vn.danvan.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application as the demo runs it (demo province, demo/demo), on a private in-memory H2
 * database and a random port, with its metrics (Prometheus) as in production. Test classes sharing
 * this annotation share one started context, which stays whole whatever other applications the
 * tests start and stop in the same JVM ({@link SharedEngine}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:danvan-it;DB_CLOSE_DELAY=-1",
      "camunda.bpm.job-execution.enabled=false",
      // these tests build their own data; the demo's directives have their own test
      "danvan.demo.directives=false"
    })
@ActiveProfiles("demo")
@AutoConfigureObservability(tracing = false)
@ExtendWith(SharedEngine.class)
public @interface DemoAppTest {}
