package vn.danvan.support.operaton;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.operaton.bpm.engine.ProcessEngineConfiguration;
import org.operaton.bpm.engine.test.junit5.ProcessEngineExtension;

/**
 * The Operaton build's stand-in for process-test-coverage's extension, which has no Operaton build:
 * the same builder, the engine extension without coverage (coverage is measured and enforced in the
 * Camunda build, on the same models).
 */
public class ProcessEngineCoverageExtension extends ProcessEngineExtension {

  public static Builder builder(ProcessEngineConfiguration configuration) {
    return new Builder(configuration);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    super.beforeEach(context);
    BpmnAwareTests.init(getProcessEngine());
  }

  /** The coverage library's builder; its coverage settings are accepted and not applied. */
  public static final class Builder {

    private final ProcessEngineConfiguration configuration;

    Builder(ProcessEngineConfiguration configuration) {
      this.configuration = configuration;
    }

    public Builder excludeProcessDefinitionKeys(String... keys) {
      return this;
    }

    public Builder assertClassCoverageAtLeast(double percentage) {
      return this;
    }

    public ProcessEngineCoverageExtension build() {
      ProcessEngineCoverageExtension extension = new ProcessEngineCoverageExtension();
      extension.useProcessEngine(configuration.buildProcessEngine());
      return extension;
    }
  }
}
