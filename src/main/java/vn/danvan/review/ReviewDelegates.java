package vn.danvan.review;

import static vn.danvan.review.ReviewVariables.REVIEW_CONCLUSION;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.danvan.input.Inputs;

/** The beans {@code reviewMilestone.bpmn} calls. */
@Configuration
public class ReviewDelegates {

  @Bean
  public ExecutionListener reviewStarted(Reviews reviews) {
    return reviews::started;
  }

  @Bean
  public TaskListener reviewConclusionCheck() {
    return task -> Inputs.text(task, REVIEW_CONCLUSION, "Kết luận");
  }
}
