package vn.danvan.input;

/**
 * A check of the BPMN models an administrator deploys (Camunda Modeler, {@code POST
 * /engine-rest/deployment/create}), run before anything of the deployment is stored, and on request
 * ({@code POST /api/mo-hinh/kiem-tra}). Each check walks the model once and reports what it finds
 * with two severities ({@link ModelFindings}): an error refuses the deployment (REST 400, every
 * error of every file named: file, element, field); a warning lets it go ahead, and is logged and
 * kept for the administrator ({@code GET /api/mo-hinh/trien-khai/{id}/canh-bao}). The product's own
 * models ({@code danvan-models}, deployed at start-up) are the demo province's samples: they are
 * checked when they are started, so that a province with its own registry still starts.
 */
public abstract class DeployedModelCheck {

  /** The source of the product's own deployment (ModelDeployer). */
  public static final String PRODUCT_MODELS = "danvan-models";

  /** Reports what is wrong with one model, or worth a warning. */
  public abstract void check(ModelUnderCheck model, ModelFindings findings);
}
