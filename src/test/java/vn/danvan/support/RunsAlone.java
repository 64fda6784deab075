package vn.danvan.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * An integration test that measures time (answers during a database outage, reminders after a
 * crash, a rehearsal's wall time) or starts several application nodes: the build runs these after
 * the others, one at a time ({@code failsafe} execution {@code alone} in pom.xml), while the other
 * integration tests run in two JVMs side by side.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(RunsAlone.TAG)
public @interface RunsAlone {
  String TAG = "runsAlone";
}
