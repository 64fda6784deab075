package vn.danvan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.support.Http.Reply;
import vn.danvan.support.RunningDemoApp;

/** A REST client that skips the browser's checks gets 400 with the reason, and nothing changes. */
class BadInputIT extends RunningDemoApp {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"variables\":{}}",
      "{\"variables\":{\"leadBody\":{\"value\":\"soKhongCo\"},\"monitorBody\":{\"value\":\"bdvTU\"},"
          + "\"taskContent\":{\"value\":\"x\"}}}",
      "{\"variables\":{\"leadBody\":{\"value\":\"soNoiVu\"},\"monitorBody\":{\"value\":\"bdvTU\"},"
          + "\"taskContent\":{\"value\":\"x\"},\"deadline\":{\"value\":\"31/9/2016\"}}}",
      "{\"variables\":{\"leadBody\":{\"value\":\"soNoiVu\"},\"monitorBody\":{\"value\":\"bdvTU\"},"
          + "\"taskContent\":{\"value\":\"x\"},\"deadlinePhrase\":{\"value\":\"sớm nhất có thể\"}}}",
      "{\"variables\":{\"leadBody\":{\"value\":42,\"type\":\"Integer\"}}}"})
  void aBadStartIs400AndStartsNothing(String body) {
    long before = runtime.createProcessInstanceQuery().count();

    Reply reply = http.postJson(START_ASSIGNMENT, COORDINATOR, body);

    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.body()).containsAnyOf("bắt buộc", "không có trong sổ", "không hợp lệ", "Không hiểu");
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void malformedJsonIs400() {
    assertThat(http.postJson(START_ASSIGNMENT, COORDINATOR, "{\"variables\":").status())
        .isEqualTo(400);
  }

  @Test
  void anEmptyReportIs400AndTheTaskStaysOpen() {
    String pi = assign("soNoiVu");
    String task = tasks.createTaskQuery().processInstanceId(pi).singleResult().getId();

    Reply reply = http.postJson("/engine-rest/task/" + task + "/complete",
        STAFF, "{\"variables\":{\"resultReport\":{\"value\":\"\"}}}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.body()).contains("Báo cáo kết quả thực hiện là bắt buộc");
    assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(1);
    assertThat(tasks.getVariable(task, "resultReport")).isNull();
  }
}
