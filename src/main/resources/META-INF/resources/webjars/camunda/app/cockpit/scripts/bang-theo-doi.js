/*
 * Bảng theo dõi thực hiện văn bản (the implementation board) inside Cockpit: a dashboard entry and
 * a tab of every process instance. Per directive and period: each body's figures (on time, late,
 * within the deadline, due soon, overdue, awaiting confirmation, returned), the overdue list with
 * days overdue and chases, and the bodies × steps matrix; links to the instances. The figures of
 * periodic reports that ask for them: per round, each body's figures and the totals, and a bar
 * chart per figure across bodies (plain SVG drawn here, nothing fetched). Data from
 * /api/bang-theo-doi (the same figures as its .xlsx summary sheet), with the Cockpit session.
 */
const API = '/api/bang-theo-doi';
const STATUS = [
  ['DONE_ON_TIME', 'Đúng hạn', '#2e7d32'],
  ['DONE_LATE', 'Hoàn thành quá hạn', '#ef6c00'],
  ['OPEN_ON_TRACK', 'Trong hạn', '#1565c0'],
  ['DUE_SOON', 'Sắp đến hạn', '#f9a825'],
  ['OPEN_OVERDUE', 'Quá hạn', '#c62828'],
  ['AWAITING_CONFIRMATION', 'Chờ xác nhận', '#6a1b9a'],
  ['RETURNED', 'Trả lại', '#ad1457'],
  ['NO_DEADLINE', 'Không thời hạn', '#616161']
];
const COLOR = Object.fromEntries(STATUS.map(([key, , color]) => [key, color]));
const SHORT = Object.fromEntries(STATUS.map(([key, label]) => [key, label]));

/** A body's row: an ended body says so and names its successor (its open work went there). */
function bodyLabel(b) {
  return b.ended ? `${b.bodyName} (đã kết thúc ${b.ended}${b.successorName ? `; kế thừa: ${b.successorName}` : ''})` : b.bodyName;
}

function esc(text) {
  return String(text == null ? '' : text).replace(/[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

function day(iso) {
  return iso ? iso.split('-').reverse().join('/') : 'không thời hạn';
}

function periods() {
  const year = new Date().getFullYear();
  const list = [['', 'Mọi thời hạn']];
  for (let y = year; y >= year - 4; y--) {
    list.push([`${y}`, `Năm ${y}`], [`${y}-H1`, `6 tháng đầu năm ${y}`],
      [`${y}-H2`, `6 tháng cuối năm ${y}`]);
    ['I', 'II', 'III', 'IV'].forEach((q, i) => list.push([`${y}-Q${i + 1}`, `Quý ${q}/${y}`]));
  }
  return list;
}

async function get(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.message || `Lỗi ${response.status}`);
  }
  return body;
}

/** A horizontal bar chart of one figure across bodies, as plain SVG. */
function barChart(figure, rows) {
  const values = rows.map((r) => Number(r.values[figure.key] || 0));
  const max = Math.max(1, ...values);
  const bar = 18;
  const gap = 6;
  const labelWidth = 340;
  const width = 760;
  const short = (name) => (name.length > 52 ? `${name.slice(0, 50)}…` : name);
  const height = rows.length * (bar + gap) + gap;
  const bars = rows.map((r, i) => {
    const y = gap + i * (bar + gap);
    const w = Math.round((width - labelWidth - 60) * values[i] / max);
    return `<text x="${labelWidth - 6}" y="${y + bar - 5}" text-anchor="end" font-size="12">${esc(short(r.bodyName))}</text>
      <rect x="${labelWidth}" y="${y}" width="${w}" height="${bar}" fill="#1565c0"><title>${esc(r.bodyName)}: ${values[i]}</title></rect>
      <text x="${labelWidth + w + 4}" y="${y + bar - 5}" font-size="12">${values[i]}</text>`;
  }).join('');
  return `<figure class="danvan-figure-chart" data-figure="${esc(figure.key)}">
    <figcaption><strong>${esc(figure.unit ? `${figure.label} (${figure.unit})` : figure.label)}</strong></figcaption>
    <svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img"
      aria-label="${esc(figure.label)}">${bars}</svg></figure>`;
}

/** The figures of the reports that ask for them: per round a table (bodies × figures, totals) and charts. */
function figureRounds(view) {
  if (!view.figures || view.figures.length === 0) {
    return '';
  }
  return view.figures.map((round) => {
    const head = round.figures.map((f) => `<th>${esc(f.unit ? `${f.label} (${f.unit})` : f.label)}</th>`).join('');
    const rows = round.rows.map((r) => `<tr><td>${esc(r.bodyName)}</td>${
      round.figures.map((f) => `<td>${r.values[f.key] == null ? '–' : r.values[f.key]}</td>`).join('')}</tr>`).join('');
    const total = `<tr class="danvan-figures-total"><th>Cộng (${round.rows.length} đơn vị)</th>${
      round.figures.map((f) => `<th>${round.totals[f.key]}</th>`).join('')}</tr>`;
    return `<h4>Số liệu báo cáo ${esc(round.periodLabel)}</h4>
      <table class="table table-condensed danvan-board-report-figures"><thead><tr><th>Đơn vị</th>${head}</tr></thead>
        <tbody>${rows}${total}</tbody></table>
      <div class="danvan-figure-charts">${round.figures.map((f) => barChart(f, round.rows)).join('')}</div>`;
  }).join('');
}

function table(view) {
  const figures = view.bodies.map((b) => `<tr><td>${esc(bodyLabel(b))}</td><td>${b.total}</td>${
    STATUS.map(([key]) => `<td class="danvan-${key}">${b.counts[key] || 0}</td>`).join('')
  }<td>${b.onTimeRate == null ? '–' : b.onTimeRate + '%'}</td><td>${b.chases}</td></tr>`).join('');
  const overdue = view.overdue.map((i) => `<tr class="danvan-overdue-row"><td>${esc(i.bodyName)}</td>
    <td><a href="#/process-instance/${i.instanceId}/runtime">${esc(i.step)}</a></td>
    <td>${day(i.deadline)}</td><td>${i.daysOverdue}</td></tr>`).join('');
  const byCell = {};
  view.items.forEach((i) => { byCell[`${i.body}|${i.step}`] = i; });
  const matrix = view.bodies.map((b) => `<tr><td>${esc(bodyLabel(b))}</td>${view.steps.map((s) => {
    const item = byCell[`${b.body}|${s}`];
    return item ? `<td title="${esc(item.statusLabel)}" style="color:${COLOR[item.status]}">
      <a href="#/process-instance/${item.instanceId}/runtime" style="color:inherit">${esc(SHORT[item.status])}</a></td>`
      : '<td></td>';
  }).join('')}</tr>`).join('');
  return `
    <h4>Số liệu theo đơn vị — ${esc(view.periodLabel)}</h4>
    <table class="table table-condensed danvan-board-figures"><thead><tr><th>Đơn vị</th><th>Tổng</th>${
      STATUS.map(([, label]) => `<th>${label}</th>`).join('')}<th>Tỷ lệ đúng hạn</th><th>Đôn đốc</th></tr></thead>
      <tbody>${figures}</tbody></table>
    <p><a href="${API}/bieu-tong-hop.xlsx?vanBan=${encodeURIComponent(view.directive)}&ky=${view.period}">
      Tải biểu tổng hợp (.xlsx)</a></p>
    ${figureRounds(view)}
    <h4>Nhiệm vụ quá hạn (${view.overdue.length})</h4>
    <table class="table table-condensed danvan-board-overdue"><thead><tr><th>Đơn vị</th><th>Nhiệm vụ</th>
      <th>Hạn</th><th>Số ngày quá hạn</th></tr></thead><tbody>${overdue}</tbody></table>
    <h4>Ma trận đơn vị × nhiệm vụ</h4>
    <div style="overflow-x:auto"><table class="table table-condensed danvan-board-matrix"><thead><tr><th>Đơn vị</th>${
      view.steps.map((s) => `<th style="min-width:140px;font-weight:normal">${esc(s)}</th>`).join('')}</tr></thead>
      <tbody>${matrix}</tbody></table></div>`;
}

/** The board of one directive, with a period chooser; `directive` fixed or chosen. */
function board(node, directive) {
  node.innerHTML = `<section class="danvan-board">
    <h3>Bảng theo dõi thực hiện văn bản</h3>
    <div class="form-inline">
      ${directive ? `<strong>${esc(directive)}</strong>` : '<select class="form-control danvan-board-directive"></select>'}
      <select class="form-control danvan-board-period">${periods().map(([code, label]) =>
        `<option value="${code}">${label}</option>`).join('')}</select>
    </div>
    <div class="danvan-board-body">Đang tải…</div></section>`;
  const body = node.querySelector('.danvan-board-body');
  const chosenDirective = () => directive || node.querySelector('.danvan-board-directive').value;
  const show = async () => {
    const vanBan = chosenDirective();
    if (!vanBan) {
      body.textContent = 'Chưa có văn bản nào.';
      return;
    }
    body.textContent = 'Đang tải…';
    try {
      const period = node.querySelector('.danvan-board-period').value;
      const view = await get(`${API}?vanBan=${encodeURIComponent(vanBan)}&ky=${period}`);
      body.innerHTML = table(view);
    } catch (error) {
      body.textContent = error.message;
    }
  };
  node.querySelector('.danvan-board-period').addEventListener('change', show);
  if (directive) {
    show();
    return;
  }
  const select = node.querySelector('.danvan-board-directive');
  select.addEventListener('change', show);
  get(`${API}/van-ban`).then((list) => {
    select.innerHTML = list.map((d) => `<option value="${esc(d.vanBan)}">${esc(d.vanBan)} — ${esc(d.ten)}</option>`).join('');
    show();
  }).catch((error) => { body.textContent = error.message; });
}

export default [
  {
    id: 'danvan-board-dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: (node) => board(node, null)
  },
  {
    id: 'danvan-board-tab',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    label: 'Bảng theo dõi',
    priority: 20,
    render: (node, { processInstanceId }) => {
      get(`/camunda/api/engine/engine/default/process-instance/${processInstanceId}`)
        .then((instance) => (instance.businessKey ? board(node, instance.businessKey)
          : (node.textContent = 'Phiên quy trình này không có số văn bản.')))
        .catch((error) => { node.textContent = error.message; });
    }
  }
];
