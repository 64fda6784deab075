/*
 * Bảng theo dõi thực hiện văn bản (the implementation board) inside Cockpit: a dashboard entry and
 * a tab of every process instance. Per directive and period: each body's figures (on time, late,
 * within the deadline, due soon, overdue, awaiting confirmation, returned), the overdue list with
 * days overdue and chases, and the bodies × steps matrix; links to the instances. The figures of
 * periodic reports that ask for them: per round, each body's figures and the totals, and a bar
 * chart per figure across bodies. Charts (Chart.js, served beside this file) of the on-time rate per
 * body (the lowest when there are many; every body is in the table), the trend by quarter and the
 * overdue work per directive, each downloadable as PNG. A large board shows the most overdue work and
 * keeps the rest of it, and the matrix, folded until opened (drawn then). Data from
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
/** Bodies in the on-time chart, overdue rows shown before "more", bodies with an open matrix. */
const LOWEST = 25;
const COLOR = Object.fromEntries(STATUS.map(([key, , color]) => [key, color]));
const SHORT = Object.fromEntries(STATUS.map(([key, label]) => [key, label]));

/** A body's row: an ended body says so and names its successor (its open work went there). */
function bodyLabel(b) {
  return b.ended ? `${b.bodyName} (đã kết thúc ${b.ended}${b.successorName ? `; kế thừa: ${b.successorName}` : ''})` : b.bodyName;
}

export function esc(text) {
  return String(text == null ? '' : text).replace(/[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

function day(iso) {
  return iso ? iso.split('-').reverse().join('/') : 'không thời hạn';
}

/** An instant as 06/12/2026 14:05, in Vietnam's time. */
function moment(iso) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
  }).formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
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

/** Chart.js (its UMD build, unpacked by the build beside this file), loaded once. */
let chartJs;
export function loadChartJs() {
  if (!chartJs) {
    chartJs = new Promise((resolve, reject) => {
      if (window.Chart) {
        resolve(window.Chart);
        return;
      }
      // the UMD build registers with an AMD loader if the page has one: here it sets window.Chart
      const amd = window.define;
      window.define = undefined;
      const script = document.createElement('script');
      script.src = new URL('chart.js/chart.umd.js', import.meta.url).href;
      script.onload = () => {
        window.define = amd;
        resolve(window.Chart);
      };
      script.onerror = () => {
        window.define = amd;
        chartJs = null;
        reject(new Error('Không tải được thư viện biểu đồ'));
      };
      document.head.appendChild(script);
    });
  }
  return chartJs;
}

/** A white background, so that the PNG reads like the page. */
export const WHITE = {
  id: 'danvanWhite',
  beforeDraw: (chart) => {
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  }
};

const short = (name) => (name.length > 48 ? `${name.slice(0, 46)}…` : name);
const number = (n) => Number(n).toLocaleString('vi-VN');

/** A chart's place: title, "Tải ảnh PNG", a note if any, and its canvas (drawn by draw()). */
function chartBox({ key, title, height, extraClass = '', note }) {
  return `<figure class="danvan-chart ${extraClass}" data-chart="${esc(key)}" style="margin:0 0 24px">
    <figcaption style="margin-bottom:6px"><strong>${esc(title)}</strong>
      <button type="button" class="btn btn-default btn-xs danvan-chart-png" style="margin-left:8px">Tải ảnh PNG</button>
      ${note ? `<div class="text-muted danvan-chart-note">${esc(note)}</div>` : ''}</figcaption>
    <div style="position:relative;height:${height}px;max-width:980px">
      <canvas role="img" aria-label="${esc(title)}"></canvas></div></figure>`;
}

/** A horizontal bar per label (bodies), with their values. */
function barsConfig(labels, values, { color = '#1565c0', max, suffix = '', names = labels, label }) {
  return {
    type: 'bar',
    data: {
      labels: labels.map(short),
      datasets: [{ label, data: values, backgroundColor: color, borderWidth: 0, maxBarThickness: 22, minBarLength: 3 }]
    },
    plugins: [valueLabels(suffix)],
    options: {
      indexAxis: 'y',
      layout: { padding: { right: 48 } },
      scales: {
        x: { beginAtZero: true, max, ticks: { callback: (v) => `${number(v)}${suffix}`, precision: 0 } }
      },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { title: (items) => names[items[0].dataIndex], label: (item) => `${label}: ${number(item.raw)}${suffix}` } }
      }
    }
  };
}

/** Each bar's value written at its end. */
function valueLabels(suffix) {
  return {
    id: 'danvanValues',
    afterDatasetsDraw: (chart) => {
      const { ctx } = chart;
      ctx.save();
      ctx.fillStyle = '#333333';
      ctx.font = `12px ${getComputedStyle(chart.canvas).fontFamily}`;
      ctx.textBaseline = 'middle';
      chart.getDatasetMeta(0).data.forEach((bar, i) => {
        const value = chart.data.datasets[0].data[i];
        if (value != null) {
          ctx.fillText(`${number(value)}${suffix}`, bar.x + 4, bar.y);
        }
      });
      ctx.restore();
    }
  };
}

const barHeight = (n) => Math.max(140, n * 22 + 50);

/** The charts of the board: [{ key, title, height, config }] (figure charts are added per round). */
function boardCharts(view, overdue) {
  const list = [];
  const rated = view.bodies.filter((b) => b.onTimeRate != null)
    .sort((a, b) => a.onTimeRate - b.onTimeRate || a.bodyName.localeCompare(b.bodyName, 'vi'))
    .slice(0, LOWEST);
  if (rated.length > 0) {
    const all = view.bodies.filter((b) => b.onTimeRate != null).length;
    list.push({
      key: 'ty-le-dung-han',
      title: `Tỷ lệ đúng hạn theo đơn vị (%) — ${view.periodLabel}`,
      note: all > LOWEST ? `${LOWEST} đơn vị có tỷ lệ đúng hạn thấp nhất; đủ mọi đơn vị trong bảng` : null,
      height: barHeight(rated.length),
      config: barsConfig(rated.map((b) => b.bodyName), rated.map((b) => b.onTimeRate), {
        color: rated.map((b) => (b.onTimeRate >= 80 ? '#2e7d32' : b.onTimeRate >= 50 ? '#ef6c00' : '#c62828')),
        max: 100,
        suffix: '%',
        names: rated.map(bodyLabel),
        label: 'Tỷ lệ đúng hạn'
      })
    });
  }
  if (view.trend.length > 0) {
    list.push({
      key: 'xu-huong-theo-quy',
      title: `Xu hướng theo quý — văn bản ${view.directive}`,
      height: 300,
      config: {
        type: 'line',
        data: {
          labels: view.trend.map((q) => q.periodLabel),
          datasets: [
            { label: 'Tỷ lệ đúng hạn (%)', data: view.trend.map((q) => q.onTimeRate), yAxisID: 'rate',
              borderColor: '#2e7d32', backgroundColor: '#2e7d32', spanGaps: true },
            { label: 'Việc đã hoàn thành', data: view.trend.map((q) => q.done), yAxisID: 'count',
              borderColor: '#1565c0', backgroundColor: '#1565c0' },
            { label: 'Việc quá hạn', data: view.trend.map((q) => q.overdue), yAxisID: 'count',
              borderColor: '#c62828', backgroundColor: '#c62828', borderDash: [6, 4] }
          ]
        },
        options: {
          interaction: { mode: 'index', intersect: false },
          scales: {
            rate: { position: 'left', min: 0, max: 100, title: { display: true, text: 'Tỷ lệ đúng hạn (%)' } },
            count: { position: 'right', beginAtZero: true, ticks: { precision: 0 }, grid: { drawOnChartArea: false },
              title: { display: true, text: 'Số việc' } }
          }
        }
      }
    });
  }
  if (overdue && overdue.length > 0) {
    list.push({
      key: 'qua-han-theo-van-ban',
      title: `Việc quá hạn theo văn bản — ${view.periodLabel}`,
      height: barHeight(overdue.length),
      config: barsConfig(overdue.map((d) => d.vanBan), overdue.map((d) => d.quaHan), {
        color: overdue.map((d) => (d.vanBan === view.directive ? '#c62828' : '#ef9a9a')),
        names: overdue.map((d) => `${d.vanBan} — ${d.ten}`),
        label: 'Việc quá hạn'
      })
    });
  }
  return list;
}

/** A bar chart of one figure of a report round across bodies. */
function figureChart(round, r, figure) {
  const title = figure.unit ? `${figure.label} (${figure.unit})` : figure.label;
  return {
    key: `so-lieu-${r}-${figure.key}`,
    title,
    height: barHeight(round.rows.length),
    extraClass: 'danvan-figure-chart',
    config: barsConfig(round.rows.map((row) => row.bodyName), round.rows.map((row) => Number(row.values[figure.key] || 0)), {
      label: title
    })
  };
}

/** Draws the charts into their places under `node`; returns the Chart instances. */
function draw(Chart, node, charts, fileSuffix) {
  Chart.defaults.locale = 'vi-VN';
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.family = getComputedStyle(node).fontFamily;
  return charts.map((c) => {
    const figure = node.querySelector(`figure[data-chart="${c.key}"]`);
    const canvas = figure.querySelector('canvas');
    const chart = new Chart(canvas, { ...c.config, plugins: [WHITE, ...(c.config.plugins || [])] });
    figure.querySelector('.danvan-chart-png').addEventListener('click', () => {
      figure.querySelectorAll('.danvan-chart-png-link').forEach((old) => old.remove());
      const link = document.createElement('a');
      link.className = 'danvan-chart-png-link';
      link.hidden = true;
      link.download = `${c.key}-${fileSuffix}.png`.replace(/[^\w.-]+/g, '-');
      link.href = chart.toBase64Image('image/png', 1);
      figure.appendChild(link);
      link.click();
    });
    return chart;
  });
}

/** The figures of the reports that ask for them: per round a table (bodies × figures, totals) and charts. */
function figureRounds(view, charts) {
  if (!view.figures || view.figures.length === 0) {
    return '';
  }
  return view.figures.map((round, r) => {
    const figureCharts = round.figures.map((f) => figureChart(round, r, f));
    charts.push(...figureCharts);
    const head = round.figures.map((f) => `<th>${esc(f.unit ? `${f.label} (${f.unit})` : f.label)}</th>`).join('');
    const rows = round.rows.map((r) => `<tr><td>${esc(r.bodyName)}</td>${
      round.figures.map((f) => `<td>${r.values[f.key] == null ? '–' : r.values[f.key]}</td>`).join('')}</tr>`).join('');
    const total = `<tr class="danvan-figures-total"><th>Cộng (${round.rows.length} đơn vị)</th>${
      round.figures.map((f) => `<th>${round.totals[f.key]}</th>`).join('')}</tr>`;
    return `<h4>Số liệu báo cáo ${esc(round.periodLabel)}</h4>
      <table class="table table-condensed danvan-board-report-figures"><thead><tr><th>Đơn vị</th>${head}</tr></thead>
        <tbody>${rows}${total}</tbody></table>
      <div class="danvan-figure-charts">${figureCharts.map(chartBox).join('')}</div>`;
  }).join('');
}

/**
 * A folded part ("Xem …"), its HTML made when first opened; `later` collects the makers. Open at
 * once (and made now) when `open`.
 */
function folded(later, className, summary, make, open) {
  later.push(make);
  return `<details class="danvan-folded ${className}" data-later="${later.length - 1}"${open ? ' open' : ''}>
    <summary>${esc(summary)}</summary><div class="danvan-folded-body"></div></details>`;
}

/** Fills each folded part under `node` when it is open, now or when opened. */
function unfold(node, later) {
  node.querySelectorAll('details[data-later]').forEach((details) => {
    const fill = () => {
      if (details.open && !details.dataset.filled) {
        details.dataset.filled = 'true';
        details.querySelector('.danvan-folded-body').innerHTML = later[details.dataset.later]();
      }
    };
    details.addEventListener('toggle', fill);
    fill();
  });
}

/** The board's HTML; the charts to draw into it are added to `charts`, the folded parts to `later`. */
function table(view, charts, later) {
  const rows = view.bodies.map((b) => `<tr><td>${esc(bodyLabel(b))}</td><td>${b.total}</td>${
    STATUS.map(([key]) => `<td class="danvan-${key}">${b.counts[key] || 0}</td>`).join('')
  }<td>${b.onTimeRate == null ? '–' : b.onTimeRate + '%'}</td><td>${b.chases}</td></tr>`).join('');
  const overdueRows = (list) => list.map((i) => `<tr class="danvan-overdue-row"><td>${esc(i.bodyName)}</td>
    <td><a href="#/process-instance/${i.instanceId}/runtime">${esc(i.step)}</a></td>
    <td>${day(i.deadline)}</td><td>${i.daysOverdue}</td></tr>`).join('');
  const overdueTable = (list) => `<table class="table table-condensed danvan-board-overdue"><thead><tr>
    <th>Đơn vị</th><th>Nhiệm vụ</th><th>Hạn</th><th>Số ngày quá hạn</th></tr></thead>
    <tbody>${overdueRows(list)}</tbody></table>`;
  const moreOverdue = view.overdue.length - LOWEST;
  const matrix = () => {
    const byCell = {};
    view.items.forEach((i) => { byCell[`${i.body}|${i.step}`] = i; });
    const rows = view.bodies.map((b) => `<tr><td>${esc(bodyLabel(b))}</td>${view.steps.map((s) => {
      const item = byCell[`${b.body}|${s}`];
      return item ? `<td title="${esc(item.statusLabel)}" style="color:${COLOR[item.status]}">
        <a href="#/process-instance/${item.instanceId}/runtime" style="color:inherit">${esc(SHORT[item.status])}</a></td>`
        : '<td></td>';
    }).join('')}</tr>`).join('');
    return `<div style="overflow-x:auto"><table class="table table-condensed danvan-board-matrix"><thead><tr><th>Đơn vị</th>${
      view.steps.map((s) => `<th style="min-width:140px;font-weight:normal">${esc(s)}</th>`).join('')}</tr></thead>
      <tbody>${rows}</tbody></table></div>`;
  };
  const chartPlaces = charts.map(chartBox).join('');
  const figures = figureRounds(view, charts);
  return `
    <p class="text-muted">Số liệu lúc ${esc(moment(view.at))}</p>
    <h4>Biểu đồ</h4>
    <div class="danvan-board-charts">${chartPlaces || '<p>Chưa có việc nào đến hạn.</p>'}</div>
    <h4>Số liệu theo đơn vị — ${esc(view.periodLabel)}</h4>
    <table class="table table-condensed danvan-board-figures"><thead><tr><th>Đơn vị</th><th>Tổng</th>${
      STATUS.map(([, label]) => `<th>${label}</th>`).join('')}<th>Tỷ lệ đúng hạn</th><th>Đôn đốc</th></tr></thead>
      <tbody>${rows}</tbody></table>
    <p><a href="${API}/bieu-tong-hop.xlsx?vanBan=${encodeURIComponent(view.directive)}&ky=${view.period}">
      Tải biểu tổng hợp (.xlsx)</a></p>
    ${figures}
    <h4>Nhiệm vụ quá hạn (${view.overdue.length})</h4>
    ${overdueTable(view.overdue.slice(0, LOWEST))}
    ${moreOverdue > 0 ? folded(later, 'danvan-board-overdue-more', `Xem ${moreOverdue} nhiệm vụ quá hạn còn lại`,
      () => overdueTable(view.overdue.slice(LOWEST))) : ''}
    <h4>Ma trận đơn vị × nhiệm vụ</h4>
    ${folded(later, 'danvan-board-matrix-details', `Xem chi tiết từng đơn vị (${view.bodies.length})`, matrix, view.bodies.length <= LOWEST)}`;
}

/** The signed-in user's last choice of directive and period, kept in this browser. */
async function memory() {
  const user = await get('/camunda/api/admin/auth/user/default').then((u) => u.userId).catch(() => '');
  const key = `danvan.bangTheoDoi.${user}`;
  const read = () => {
    try {
      return JSON.parse(localStorage.getItem(key)) || {};
    } catch (unreadable) {
      return {};
    }
  };
  return {
    read,
    save: (choice) => localStorage.setItem(key, JSON.stringify({ ...read(), ...choice }))
  };
}

/**
 * The board of one directive, with a period chooser; `directive` fixed or chosen. The last directive
 * and period chosen come back on the next visit.
 */
/** Lower case, without Vietnamese marks (đ as d): "Dân vận" and "dan van" match. */
function plain(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
    .toLowerCase();
}

function board(node, directive) {
  node.innerHTML = `<section class="danvan-board">
    <h3>Bảng theo dõi thực hiện văn bản</h3>
    <div class="form-inline">
      ${directive ? `<strong>${esc(directive)}</strong>` : `<input type="search" class="form-control danvan-board-search"
        placeholder="Tìm theo số hoặc trích yếu" aria-label="Tìm văn bản theo số hoặc trích yếu">
      <select class="form-control danvan-board-directive"></select>`}
      <select class="form-control danvan-board-period">${periods().map(([code, label]) =>
        `<option value="${code}">${label}</option>`).join('')}</select>
    </div>
    <div class="danvan-board-body">Đang tải…</div></section>`;
  const body = node.querySelector('.danvan-board-body');
  const remembered = memory();
  const periodSelect = node.querySelector('.danvan-board-period');
  const chosenDirective = () => directive || node.querySelector('.danvan-board-directive').value;
  let drawn = [];
  let shown = 0;
  const show = async () => {
    const vanBan = chosenDirective();
    if (!vanBan) {
      body.textContent = 'Chưa có văn bản nào.';
      return;
    }
    const turn = ++shown;
    body.textContent = 'Đang tải…';
    try {
      const period = periodSelect.value;
      const [view, overdue, Chart] = await Promise.all([
        get(`${API}?vanBan=${encodeURIComponent(vanBan)}&ky=${period}`),
        get(`${API}/qua-han?ky=${period}`),
        loadChartJs()
      ]);
      if (turn !== shown) {
        return; // a later choice is on its way
      }
      drawn.forEach((chart) => chart.destroy());
      const charts = boardCharts(view, overdue);
      const later = [];
      body.innerHTML = table(view, charts, later);
      unfold(body, later);
      drawn = draw(Chart, body, charts, `${vanBan}-${period || 'moi-thoi-han'}`);
      body.dataset.shown = `${vanBan}|${period}`; // what is drawn (for tests and measurements)
    } catch (error) {
      body.textContent = error.message;
    }
  };
  periodSelect.addEventListener('change', () => {
    remembered.then((r) => r.save({ ky: periodSelect.value }));
    show();
  });
  loadChartJs().catch(() => {}); // meanwhile
  const restorePeriod = (choice) => {
    if (choice.ky != null && [...periodSelect.options].some((o) => o.value === choice.ky)) {
      periodSelect.value = choice.ky;
    }
  };
  if (directive) {
    remembered.then((r) => restorePeriod(r.read())).finally(show);
    return;
  }
  const select = node.querySelector('.danvan-board-directive');
  select.addEventListener('change', () => {
    remembered.then((r) => r.save({ vanBan: select.value }));
    show();
  });
  const search = node.querySelector('.danvan-board-search');
  Promise.all([get(`${API}/van-ban`), remembered]).then(([list, r]) => {
    const options = (found) => found.map((d) =>
      `<option value="${esc(d.vanBan)}" title="${esc(d.trichYeu || '')}">${esc(d.vanBan)} — ${esc(d.ten)}</option>`).join('');
    select.innerHTML = options(list);
    const choice = r.read();
    if (list.some((d) => d.vanBan === choice.vanBan)) {
      select.value = choice.vanBan;
    }
    // the directives whose number or trích yếu holds every word typed, marks and case aside
    search.addEventListener('input', () => {
      const words = plain(search.value).split(/\s+/).filter(Boolean);
      const found = list.filter((d) => {
        const text = plain(`${d.vanBan} ${d.ten} ${d.trichYeu || ''}`);
        return words.every((w) => text.includes(w));
      });
      const before = select.value;
      select.innerHTML = options(found);
      if (found.some((d) => d.vanBan === before)) {
        select.value = before;
      } else if (found.length > 0) {
        remembered.then((m) => m.save({ vanBan: select.value }));
        show();
      } else {
        body.textContent = 'Không có văn bản nào có số hoặc trích yếu như vậy.';
      }
    });
    restorePeriod(choice);
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
