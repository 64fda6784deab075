// Cấu hình Tasklist (thay cho config.js mặc định của Camunda): phần chung ở danvan-config.js.
import { danvanConfig } from './danvan-config.js';

const common = danvanConfig('Danh sách công việc');

export default {
  ...common,
  customScripts: [
    ...common.customScripts,
    // "Tạo công việc" chỉ hiện cho người được tạo công việc
    'scripts/tao-cong-viec.js',
    // thẻ công việc: trong hạn, sắp đến hạn, quá hạn
    'scripts/han-xu-ly.js',
    // thông báo kiểm tra của biểu mẫu bằng tiếng Việt
    'scripts/bieu-mau-tieng-viet.js',
    // thẻ "Tệp đính kèm" của công việc: tải lên, xem, tải về
    'scripts/tep-dinh-kem.js',
    // việc tổng hợp báo cáo kỳ: tải dự thảo báo cáo tổng hợp (.docx, .xlsx)
    'scripts/bao-cao-tong-hop.js'
  ],
  // phím tắt (như cấu hình mặc định của Camunda)
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: 'nhận công việc đang chọn' },
    focusFilter: { key: 'ctrl+shift+f', description: 'chuyển đến bộ lọc đầu tiên' },
    focusList: { key: 'ctrl+alt+l', description: 'chuyển đến công việc đầu tiên trong danh sách' },
    focusForm: { key: 'ctrl+alt+f', description: 'chuyển đến ô nhập đầu tiên của biểu mẫu' },
    startProcess: { key: 'ctrl+alt+p', description: 'mở hộp thoại khởi động quy trình' }
  }
};
