package vn.danvan.input;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The product's own APIs ({@code /api/bang-theo-doi}, {@code /api/thong-bao}) answer a refused
 * request as the engine's REST API does: {@code {"type":…,"message":…}} with a Vietnamese message,
 * not Spring's bare "Bad Request".
 */
@RestControllerAdvice(basePackages = "vn.danvan")
class ApiInputErrors {

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidInputException e) {
    return error(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return error(
        HttpStatus.BAD_REQUEST,
        "Nội dung yêu cầu không phải JSON hợp lệ hoặc không đúng"
            + " dạng (cần một đối tượng JSON): "
            + e.getMostSpecificCause().getMessage().replaceAll("\\s+", " "));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
    return error(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Kiểu nội dung "
            + e.getContentType()
            + " không được nhận: gửi JSON (Content-Type: application/json)");
  }

  private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
    return ResponseEntity.status(status)
        .body(Map.of("type", "InvalidInputException", "message", message));
  }
}
