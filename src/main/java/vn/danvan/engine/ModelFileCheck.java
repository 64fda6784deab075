package vn.danvan.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;
import vn.danvan.input.FormRules;
import vn.danvan.input.InvalidInputException;

/**
 * Every file of a new deployment (the product's own, or one an administrator uploads through {@code
 * POST /engine-rest/deployment/create}) must be readable before Camunda parses it: a model ({@code
 * .bpmn}, {@code .dmn}) well-formed XML, a Camunda Form ({@code .form}) a JSON object with its
 * {@code id} and {@code components}, no script, a length limit the server can keep on every text
 * field and patterns the server can read. Otherwise the deployment is refused with the file and the
 * place ({@link InvalidInputException}, REST 400) instead of Camunda's 500, or a form that deploys
 * and then breaks every task that opens it.
 */
@Component
class ModelFileCheck extends AbstractProcessEnginePlugin {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Form texts are Markdown with {{variable}} templates; code has no place in them. */
  static final Pattern SCRIPT = Pattern.compile("(?i)<\\s*script|javascript:");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(deployment -> check(deployment));
  }

  static void check(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    for (ResourceEntity resource : deployment.getResources().values()) {
      String name = resource.getName();
      if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml") || name.endsWith(".dmn")) {
        xml(name, resource.getBytes());
      } else if (name.endsWith(".form")) {
        form(name, resource.getBytes());
      }
    }
  }

  static void xml(String name, byte[] content) {
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.newSAXParser().parse(new ByteArrayInputStream(content), new DefaultHandler());
    } catch (SAXParseException e) {
      throw new InvalidInputException(
          "Tệp "
              + name
              + " không phải XML hợp lệ (dòng "
              + e.getLineNumber()
              + ", cột "
              + e.getColumnNumber()
              + "): "
              + e.getMessage());
    } catch (SAXException | IOException | ParserConfigurationException e) {
      throw new InvalidInputException("Tệp " + name + " không đọc được: " + e.getMessage());
    }
  }

  static void form(String name, byte[] content) {
    JsonNode form;
    try {
      form = JSON.readTree(content);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          "Biểu mẫu "
              + name
              + " không phải JSON hợp lệ (dòng "
              + e.getLocation().getLineNr()
              + ", cột "
              + e.getLocation().getColumnNr()
              + "): "
              + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidInputException("Biểu mẫu " + name + " không đọc được: " + e.getMessage());
    }
    if (form == null
        || !form.isObject()
        || !form.path("id").isTextual()
        || form.path("id").asText().isBlank()
        || !form.path("components").isArray()) {
      throw new InvalidInputException(
          "Biểu mẫu "
              + name
              + " phải là một Camunda Form: đối tượng JSON có \"id\" (mã dùng trong"
              + " camunda:formRef) và \"components\"");
    }
    if (SCRIPT.matcher(new String(content, StandardCharsets.UTF_8)).find()) {
      throw new InvalidInputException(
          "Biểu mẫu "
              + name
              + " không được chứa thẻ HTML hay biểu thức chạy mã (<script>, javascript:)");
    }
    for (FormRules.Field field : FormRules.of(form).fields()) {
      boolean text = field.type().equals("textfield") || field.type().equals("textarea");
      if (text && (field.maxLength() == null || field.maxLength() > FormRules.MAX_TEXT)) {
        throw new InvalidInputException(
            "Biểu mẫu "
                + name
                + ": trường \""
                + field.label()
                + "\" ("
                + field.key()
                + ") cần độ dài tối đa (maxLength) không quá "
                + FormRules.MAX_TEXT
                + " ký tự, là độ dài máy chủ lưu được");
      }
      if (field.pattern() != null) {
        try {
          Pattern.compile(field.pattern());
        } catch (PatternSyntaxException e) {
          throw new InvalidInputException(
              "Biểu mẫu "
                  + name
                  + ": mẫu kiểm tra của trường \""
                  + field.label()
                  + "\" ("
                  + field.key()
                  + ") không đọc được: "
                  + e.getDescription());
        }
      }
    }
  }
}
