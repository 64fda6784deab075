// Cấu hình chung của bốn ứng dụng web (Tasklist, Cockpit, Admin, Welcome); config.js của mỗi
// ứng dụng thêm tên của nó (thay cho thương hiệu Camunda).
export function danvanConfig(name) {
  return {
    app: {
      name,
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
    disableWelcomeMessage: true
  };
}
