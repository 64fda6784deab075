// Cấu hình giao diện tasklist (thay cho config.js mặc định của Camunda).
export default {
  // tên sản phẩm thay cho thương hiệu Camunda
  app: {
    name: 'Danh sách công việc',
    vendor: 'Dân vận'
  },
  // tiếng Việt mặc định; tiếng Anh chọn được (scripts/ngon-ngu.js)
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'vi'
  },
  // ngày tháng kiểu Việt Nam: 30/11/2026, 30/11/2026 14:05
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD/MM/YYYY HH:mm',
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd, DD/MM/YYYY HH:mm',
    short: 'DD/MM/YYYY'
  },
  customScripts: ['scripts/ngon-ngu.js'],
  disableWelcomeMessage: true,
  // phím tắt (như cấu hình mặc định của Camunda)
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: 'nhận công việc đang chọn' },
    focusFilter: { key: 'ctrl+shift+f', description: 'chuyển đến bộ lọc đầu tiên' },
    focusList: { key: 'ctrl+alt+l', description: 'chuyển đến công việc đầu tiên trong danh sách' },
    focusForm: { key: 'ctrl+alt+f', description: 'chuyển đến ô nhập đầu tiên của biểu mẫu' },
    startProcess: { key: 'ctrl+alt+p', description: 'mở hộp thoại khởi động quy trình' }
  }
};
