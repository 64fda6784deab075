// Cấu hình cockpit (thay cho config.js mặc định của Camunda): phần chung ở tasklist/scripts/danvan-config.js;
// thêm bảng theo dõi thực hiện văn bản (scripts/bang-theo-doi.js).
import { danvanConfig } from '../../tasklist/scripts/danvan-config.js';

const common = danvanConfig('Theo dõi, điều phối');

export default {
  ...common,
  customScripts: [...common.customScripts, 'scripts/bang-theo-doi.js']
};
