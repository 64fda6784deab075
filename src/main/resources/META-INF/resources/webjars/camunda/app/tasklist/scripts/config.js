// Cấu hình Tasklist (thay cho config.js mặc định của Camunda): phần chung ở danvan-config.js.
import { danvanConfig } from './danvan-config.js';

const common = danvanConfig('Danh sách công việc');

export default {
  ...common,
  // "Tạo công việc" chỉ hiện cho người được tạo công việc
  customScripts: [...common.customScripts, 'scripts/tao-cong-viec.js', 'scripts/han-xu-ly.js'],
  // phím tắt (như cấu hình mặc định của Camunda)
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: 'nhận công việc đang chọn' },
    focusFilter: { key: 'ctrl+shift+f', description: 'chuyển đến bộ lọc đầu tiên' },
    focusList: { key: 'ctrl+alt+l', description: 'chuyển đến công việc đầu tiên trong danh sách' },
    focusForm: { key: 'ctrl+alt+f', description: 'chuyển đến ô nhập đầu tiên của biểu mẫu' },
    startProcess: { key: 'ctrl+alt+p', description: 'mở hộp thoại khởi động quy trình' }
  }
};
