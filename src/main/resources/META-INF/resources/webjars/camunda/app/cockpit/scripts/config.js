// Cấu hình cockpit (thay cho config.js mặc định của Camunda): phần chung ở tasklist/scripts/danvan-config.js;
// thêm bảng theo dõi thực hiện văn bản (scripts/bang-theo-doi.js), trang soạn thảo mô hình từ văn
// bản (scripts/soan-thao.js) và trang diễn tập văn bản (scripts/dien-tap.js).
import { danvanConfig } from '../../tasklist/scripts/danvan-config.js';

const common = danvanConfig('Theo dõi, điều phối');

export default {
  ...common,
  customScripts: [
    ...common.customScripts,
    'scripts/bang-theo-doi.js',
    'scripts/soan-thao.js',
    'scripts/dien-tap.js',
  ],
  // Xóa một phiên quy trình: mặc định chạy bộ lắng nghe của sản phẩm (Camunda mặc định bỏ qua),
  // để việc đã giao cho các đơn vị (Giao việc cho nhiều đơn vị) kết thúc theo văn bản bị xóa.
  skipCustomListeners: {
    default: false,
    hidden: false
  }
};
