/*
 * Diễn tập văn bản: a Cockpit page (#/dien-tap) for administrators. Choose a deployed directive or
 * upload a .bpmn, give its issue date and the shares of late work and of bodies that never answer;
 * the directive's whole lifetime runs in an engine of its own (POST /api/dien-tap) and comes back
 * as the year's totals (a bar chart of tasks, reminders and chases per year), each body's tasks per
 * year, the incidents and how it ended; "Tải Excel" gives the same as a workbook (/api/dien-tap.xlsx).
 */
import { esc, loadChartJs, WHITE } from './bang-theo-doi.js';
import { forAdministrators } from './quan-tri.js';

const API = '/api/dien-tap';
const PATH = '/dien-tap';

const number = (n) => Number(n).toLocaleString('vi-VN');
const day = (iso) => (iso ? iso.split('-').reverse().join('/') : '');

function csrf() {
  const found = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return found ? decodeURIComponent(found.substring('XSRF-TOKEN='.length)) : '';
}

async function post(url, form) {
  return fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'X-XSRF-TOKEN': csrf() },
    body: form
  });
}

async function failure(response) {
  const body = await response.json().catch(() => ({}));
  return new Error(body.message || `Lỗi ${response.status}`);
}

function table(head, rows, className) {
  return `<table class="table table-condensed ${className}"><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>
    <tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

/** The form as the API asks it: the directive or the file, the date, the shares (0..1). */
function formData(node) {
  const form = new FormData();
  const file = node.querySelector('.danvan-rehearsal-file').files[0];
  if (file) {
    form.append('file', file);
  } else {
    form.append('processDefinitionKey', node.querySelector('.danvan-rehearsal-directive').value);
  }
  form.append('issued', node.querySelector('.danvan-rehearsal-issued').value.trim());
  const share = (selector) => String((Number(node.querySelector(selector).value) || 0) / 100);
  form.append('lateShare', share('.danvan-rehearsal-late'));
  form.append('silentShare', share('.danvan-rehearsal-silent'));
  return form;
}

function results(node, result) {
  const years = result.years;
  const total = (field) => years.reduce((sum, y) => sum + y[field], 0);
  const ending = result.ending;
  const yearsOfBodies = years.map((y) => y.year);
  node.innerHTML = `
    <p class="danvan-rehearsal-summary"><strong>${esc(result.number)} — ${esc(result.name)}</strong>:
      ban hành ${esc(day(result.issued))}; việc trả lời muộn ${Math.round(result.settings.lateShare * 100)}%,
      đơn vị không trả lời ${Math.round(result.settings.silentShare * 100)}%
      ${result.settings.silentBodies.length ? `(${esc(result.settings.silentBodies.join(', '))})` : ''};
      chạy ${esc(String(result.seconds).replace('.', ','))} giây.</p>
    <figure class="danvan-chart" data-chart="dien-tap-theo-nam" style="margin:0 0 24px;max-width:900px">
      <figcaption><strong>Việc giao, nhắc hạn, đôn đốc theo năm</strong></figcaption>
      <div style="position:relative;height:320px"><canvas></canvas></div>
    </figure>
    <h4>Theo năm</h4>
    ${table(['Năm', 'Việc giao', 'Nhắc hạn', 'Đôn đốc', 'Báo cáo định kỳ', 'Sơ kết, tổng kết', 'Sự cố'],
      years.map((y) => [y.year, number(y.tasks), number(y.reminders), number(y.chases), number(y.reports),
        number(y.reviews), number(y.incidents)]).concat([['Cộng', number(total('tasks')),
        number(total('reminders')), number(total('chases')), number(total('reports')),
        number(total('reviews')), number(total('incidents'))]]), 'danvan-rehearsal-years')}
    <h4>Theo đơn vị (số việc được giao)</h4>
    ${table(['Đơn vị', ...yearsOfBodies.map(String), 'Cộng'],
      result.bodies.map((b) => [b.name, ...yearsOfBodies.map((y) => number(b.tasks[y] || 0)), number(b.total)]),
      'danvan-rehearsal-bodies')}
    <h4>Sự cố</h4>
    ${result.incidents.length ? table(['Ngày', 'Bước', 'Nội dung'],
      result.incidents.map((i) => [day(i.date), i.activity, i.message]), 'danvan-rehearsal-incidents')
      : '<p class="danvan-rehearsal-incidents">Không có sự cố.</p>'}
    <h4>Kết thúc</h4>
    <p class="danvan-rehearsal-ending">${ending.ended ? 'Văn bản kết thúc' : 'Văn bản chưa kết thúc'}
      ngày ${esc(day(ending.date))}: ${esc(ending.reason)}. Việc còn mở: ${number(ending.openTasks)}.</p>
    ${ending.open.length ? table(['Đơn vị', 'Bước', 'Số việc còn mở'],
      ending.open.map((o) => [o.bodyName || o.body, o.activityName || o.activity, number(o.count)]),
      'danvan-rehearsal-open') : ''}`;
  loadChartJs().then((Chart) => {
    const canvas = node.querySelector('figure[data-chart="dien-tap-theo-nam"] canvas');
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: years.map((y) => String(y.year)),
        datasets: [
          { label: 'Việc giao', data: years.map((y) => y.tasks), backgroundColor: '#1565c0' },
          { label: 'Nhắc hạn', data: years.map((y) => y.reminders), backgroundColor: '#f9a825' },
          { label: 'Đôn đốc', data: years.map((y) => y.chases), backgroundColor: '#c62828' }
        ]
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false },
      plugins: [WHITE]
    });
  }).catch((error) => { node.querySelector('figure figcaption').textContent = error.message; });
}

function page(node) {
  node.innerHTML = `
    <section class="danvan-rehearsal" style="padding:16px;overflow:auto;height:100%">
      <h2>Diễn tập văn bản</h2>
      <p>Chạy thử toàn bộ thời gian thực hiện một văn bản trên một máy quy trình riêng, với đồng hồ mô
        phỏng: các đơn vị trả lời ngay (hoặc muộn, hoặc không bao giờ, theo tỷ lệ chọn), để xem trước
        số việc, nhắc hạn, đôn đốc theo từng năm. Không ảnh hưởng đến dữ liệu đang chạy.</p>
      <form class="danvan-rehearsal-form form-inline" style="margin-bottom:16px">
        <div class="form-group"><label>Văn bản đã triển khai
          <select class="form-control danvan-rehearsal-directive"></select></label></div>
        <div class="form-group"><label>hoặc tải lên tệp .bpmn
          <input type="file" accept=".bpmn" class="danvan-rehearsal-file"></label></div>
        <div class="form-group"><label>Ngày ban hành (dd/mm/yyyy)
          <input type="text" class="form-control danvan-rehearsal-issued" placeholder="20/07/2016" size="10"></label></div>
        <div class="form-group"><label>Việc trả lời muộn (%)
          <input type="number" min="0" max="100" value="0" class="form-control danvan-rehearsal-late" style="width:80px"></label></div>
        <div class="form-group"><label>Đơn vị không trả lời (%)
          <input type="number" min="0" max="100" value="0" class="form-control danvan-rehearsal-silent" style="width:80px"></label></div>
        <button type="submit" class="btn btn-primary danvan-rehearsal-run">Diễn tập</button>
        <button type="button" class="btn btn-default danvan-rehearsal-xlsx" disabled>Tải Excel</button>
        <a class="danvan-rehearsal-xlsx-link" style="display:none"></a>
      </form>
      <p class="danvan-rehearsal-state" role="status"></p>
      <div class="danvan-rehearsal-result"></div>
    </section>`;
  const state = node.querySelector('.danvan-rehearsal-state');
  const select = node.querySelector('.danvan-rehearsal-directive');
  const run = node.querySelector('.danvan-rehearsal-run');
  const xlsx = node.querySelector('.danvan-rehearsal-xlsx');
  fetch(`${API}/van-ban`, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(async (response) => {
      if (!response.ok) {
        throw await failure(response);
      }
      const list = await response.json();
      select.innerHTML = list.map((d) =>
        `<option value="${esc(d.key)}">${esc(d.name)} (${esc(d.key)}, phiên bản ${d.version})</option>`).join('');
    })
    .catch((error) => { state.textContent = error.message; });
  let asked = null;
  node.querySelector('.danvan-rehearsal-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    run.disabled = true;
    xlsx.disabled = true;
    asked = formData(node);
    state.textContent = 'Đang diễn tập… Máy quy trình riêng đang chạy toàn bộ thời gian của văn bản (có thể mất đến hai phút).';
    node.querySelector('.danvan-rehearsal-result').innerHTML = '';
    try {
      const response = await post(API, asked);
      if (!response.ok) {
        throw await failure(response);
      }
      const result = await response.json();
      results(node.querySelector('.danvan-rehearsal-result'), result);
      state.textContent = `Đã diễn tập xong (${String(result.seconds).replace('.', ',')} giây).`;
      xlsx.disabled = false;
    } catch (error) {
      state.textContent = `Không diễn tập được: ${error.message}`;
    } finally {
      run.disabled = false;
    }
  });
  xlsx.addEventListener('click', async () => {
    xlsx.disabled = true;
    state.textContent = 'Đang lập tệp Excel (diễn tập lại với cùng lựa chọn)…';
    try {
      const response = await post(`${API}.xlsx`, asked);
      if (!response.ok) {
        throw await failure(response);
      }
      const name = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get('Content-Disposition') || '');
      const link = node.querySelector('.danvan-rehearsal-xlsx-link');
      link.href = URL.createObjectURL(await response.blob());
      link.download = name ? decodeURIComponent(name[1]) : 'dien-tap.xlsx';
      link.textContent = link.download;
      link.style.display = '';
      link.click();
      state.textContent = 'Đã tải tệp Excel.';
    } catch (error) {
      state.textContent = `Không tải được tệp Excel: ${error.message}`;
    } finally {
      xlsx.disabled = false;
    }
  });
}

export default [
  {
    id: 'danvan-rehearsal-route',
    pluginPoint: 'cockpit.route',
    properties: { path: PATH },
    render: (node) => page(node)
  },
  {
    id: 'danvan-rehearsal-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 10,
    properties: { pagePath: `#${PATH}`, checkActive: (path) => path.includes(`#${PATH}`) },
    render: (node) => {
      node.textContent = 'Diễn tập văn bản';
      forAdministrators(node);
    }
  }
];
