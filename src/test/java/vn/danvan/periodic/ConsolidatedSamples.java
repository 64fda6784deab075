package vn.danvan.periodic;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import vn.danvan.tracking.ReportFigures;

/**
 * A period's consolidated report as the demo province might have it: three answers, two missing.
 */
final class ConsolidatedSamples {

  private ConsolidatedSamples() {}

  static final List<ReportFigures.Figure> FIGURES =
      ReportFigures.parse(
          "soCuocDoiThoai: Số cuộc đối thoại với Nhân dân (cuộc); soKienNghi: Số kiến nghị đã giải"
              + " quyết (kiến nghị); soMoHinh: Số mô hình \"Dân vận khéo\" (mô hình)");

  static final String LONG_REPORT =
      String.join(
          " ",
          "Trong quý, Sở đã tổ chức hội nghị quán triệt quy chế dân chủ ở cơ sở đến toàn thể cán"
              + " bộ, công chức, viên chức và người lao động của cơ quan và các đơn vị trực thuộc.",
          "Ban Giám đốc Sở ban hành kế hoạch thực hiện, phân công từng phòng chuyên môn theo dõi,"
              + " đôn đốc và báo cáo kết quả hằng tháng.",
          "Sở đã tổ chức 4 cuộc đối thoại giữa người đứng đầu với cán bộ, công chức và Nhân dân về"
              + " thủ tục hành chính trong lĩnh vực nội vụ, tiếp nhận 1.250 ý kiến, kiến nghị; các"
              + " kiến nghị thuộc thẩm quyền đã được giải quyết dứt điểm, công khai kết quả trên"
              + " cổng thông tin điện tử của Sở.",
          "Việc công khai tài chính, tuyển dụng, nâng lương, bổ nhiệm được thực hiện đúng quy"
              + " định, không phát sinh đơn thư khiếu nại.",
          "Mô hình \"Dân vận khéo\" trong cải cách hành chính tiếp tục được duy trì, rút ngắn"
              + " thời gian giải quyết hồ sơ so với quy định.",
          "Hạn chế: một số đơn vị trực thuộc triển khai còn chậm, chưa thường xuyên cập nhật kết"
              + " quả; việc lấy ý kiến Nhân dân ở một số nội dung còn mang tính hình thức.",
          "Nguyên nhân chủ yếu do khối lượng công việc sau sắp xếp tổ chức bộ máy lớn, một số cán"
              + " bộ mới được phân công chưa nắm vững quy trình.",
          "Quý tới, Sở tiếp tục quán triệt, kiểm tra việc thực hiện ở các đơn vị trực thuộc, kịp"
              + " thời biểu dương điển hình và chấn chỉnh những thiếu sót.",
          "Kiến nghị Ban Tuyên giáo và Dân vận Tỉnh ủy tổ chức tập huấn nghiệp vụ cho cán bộ làm"
              + " công tác dân vận của các sở, ngành trong năm 2026.");

  static ConsolidatedReport sample(List<String> attachments) {
    List<ConsolidatedReport.BodyReport> reports =
        List.of(
            new ConsolidatedReport.BodyReport(
                "mttqTinh",
                "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
                "Phối hợp tổ chức 12 hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với"
                    + " Nhân dân; tiếp nhận 45 ý kiến, kiến nghị, đã chuyển cơ quan có thẩm quyền"
                    + " giải quyết 40 kiến nghị.\nHạn chế: một số xã tổ chức đối thoại còn hình"
                    + " thức.",
                Map.of("soCuocDoiThoai", 12L, "soKienNghi", 40L, "soMoHinh", 3L),
                LocalDateTime.of(2026, 3, 28, 9, 15),
                false),
            new ConsolidatedReport.BodyReport(
                "soNoiVu",
                "Sở Nội vụ",
                LONG_REPORT,
                Map.of("soCuocDoiThoai", 4L, "soKienNghi", 1250L, "soMoHinh", 1L),
                LocalDateTime.of(2026, 3, 31, 16, 40),
                false),
            new ConsolidatedReport.BodyReport(
                "soTaiChinh",
                "Sở Tài chính",
                "Đã công khai dự toán ngân sách theo quy định; tổ chức 2 buổi đối thoại với doanh"
                    + " nghiệp.",
                Map.of("soCuocDoiThoai", 2L, "soKienNghi", 6L),
                LocalDateTime.of(2026, 4, 3, 8, 5),
                true));
    return new ConsolidatedReport(
        "Ban Tuyên giáo và Dân vận Tỉnh ủy",
        "BTGDVTU",
        "Tỉnh mẫu",
        LocalDate.of(2026, 4, 6),
        "Chỉ thị số 03-CT/TU",
        "Quý I/2026",
        LocalDate.of(2026, 3, 31),
        "tình hình thực hiện quy chế dân chủ ở cơ sở",
        "Ban Thường vụ Tỉnh ủy",
        FIGURES,
        reports,
        Map.of("soCuocDoiThoai", 18L, "soKienNghi", 1296L, "soMoHinh", 4L),
        List.of("Sở Giáo dục và Đào tạo", "Đài Phát thanh và Truyền hình tỉnh"),
        attachments);
  }
}
