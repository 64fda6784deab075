package vn.danvan.fanout;

/**
 * The variables of {@code fanout.bpmn}, {@code fanoutChunk.bpmn} and {@code fanoutMember.bpmn}
 * besides the shared ones ({@link vn.danvan.variable.SharedVariables}).
 */
public final class FanoutVariables {

  public static final String CHUNK = "chunk";
  public static final String CHUNK_SIZE = "chunkSize";
  public static final String BODY_COUNT = "bodyCount";
  public static final String BODY_LIST = "bodyList";

  private FanoutVariables() {}
}
