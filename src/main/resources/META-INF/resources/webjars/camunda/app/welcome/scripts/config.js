// Cấu hình welcome (thay cho config.js mặc định của Camunda): phần chung ở tasklist/scripts/danvan-config.js.
import { danvanConfig } from '../../tasklist/scripts/danvan-config.js';

export default danvanConfig('Trang chủ');
