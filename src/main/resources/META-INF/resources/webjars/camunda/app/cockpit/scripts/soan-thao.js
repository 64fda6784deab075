/*
 * Soạn thảo từ văn bản (a draft model from a directive's text) inside Cockpit, for administrators:
 * a page (#/soan-thao) and its entry in Cockpit's menu. The administrator uploads a directive
 * (.docx, .pdf with a text layer, .txt); the page shows what was read (the record, the items with
 * their block, bodies, deadline and what could not be read, highlighted; what could not be read
 * outside any item) and the draft's drawing (bpmn-js's viewer, served beside this file). "Tải tệp
 * .bpmn" saves the draft; "Triển khai" deploys it through the engine's REST API with the Cockpit
 * session and its CSRF token, so the deployment checks answer as they do for Camunda Modeler: their
 * refusal is shown, or a link to the new definition. Data from /api/soan-thao. The menu entry shows
 * to administrators only (quan-tri.js).
 */
import { forAdministrators } from './quan-tri.js';

const API = '/api/soan-thao';
const ENGINE = '/camunda/api/engine/engine/default';
const PATH = '/soan-thao';

function esc(text) {
  return String(text == null ? '' : text).replace(/[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

/** The session's CSRF token: the webapps' cookie, else the one Cockpit hands its plugins. */
function csrfToken(api) {
  const found = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return found ? decodeURIComponent(found[1]) : (api && api.CSRFToken) || '';
}

async function post(url, form, api) {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken(api) },
    body: form
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.message || `Lỗi ${response.status}`);
  }
  return body;
}

/** bpmn-js's viewer (its UMD build, unpacked by the build beside this file), loaded once. */
let viewerJs;
function loadViewer() {
  if (!viewerJs) {
    viewerJs = new Promise((resolve, reject) => {
      if (window.BpmnJS) {
        resolve(window.BpmnJS);
        return;
      }
      ['bpmn-js/diagram-js.css', 'bpmn-js/bpmn-embedded.css'].forEach((css) => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = new URL(css, import.meta.url).href;
        document.head.appendChild(link);
      });
      // the UMD build registers with an AMD loader if the page has one: here it sets window.BpmnJS
      const amd = window.define;
      window.define = undefined;
      const script = document.createElement('script');
      script.src = new URL('bpmn-js/bpmn-navigated-viewer.production.min.js', import.meta.url).href;
      script.onload = () => {
        window.define = amd;
        resolve(window.BpmnJS);
      };
      script.onerror = () => {
        window.define = amd;
        viewerJs = null;
        reject(new Error('Không tải được thư viện vẽ mô hình'));
      };
      document.head.appendChild(script);
    });
  }
  return viewerJs;
}

const names = (bodies) => bodies.map((b) => esc(b.name)).join(', ');

function record(r) {
  const row = (label, value) => `<tr><th style="width:160px">${label}</th><td>${value ? esc(value)
    : '<span class="text-danger">chưa đọc được</span>'}</td></tr>`;
  return `<table class="table table-condensed danvan-intake-record" style="max-width:900px">
    ${row('Loại văn bản', r.kind)}${row('Số, ký hiệu', r.number)}${row('Ngày ban hành', r.issued)}
    ${row('Cơ quan ban hành', r.issuer)}${row('Trích yếu', r.title)}</table>`;
}

function items(list) {
  const rows = list.map((i) => {
    const bodies = [
      i.lead.length ? `Chủ trì: ${names(i.lead)}` : '',
      i.bodyType ? `Mọi đơn vị loại ${esc(i.bodyType)}` : '',
      i.coordinating.length ? `Phối hợp: ${names(i.coordinating)}` : ''
    ].filter(Boolean).join('<br>');
    const notes = i.notes.length
      ? `<div class="danvan-intake-note" style="background:#fff3cd;padding:2px 4px">Chưa đọc được: ${i.notes.map(esc).join('; ')}</div>`
      : '';
    return `<tr class="${i.notes.length ? 'warning' : ''}" data-element="${esc(i.element || '')}">
      <td>${esc(i.number)}</td><td>${esc(i.blockName)}</td><td>${bodies || '—'}</td>
      <td>${i.deadline ? esc(i.deadline) : 'không'}</td>
      <td>${esc(i.text)}${notes}</td></tr>`;
  }).join('');
  return `<table class="table table-bordered table-condensed danvan-intake-items">
    <thead><tr><th>Mục</th><th>Khối</th><th>Đơn vị</th><th>Thời hạn</th><th>Nội dung</th></tr></thead>
    <tbody>${rows}</tbody></table>`;
}

function unread(list) {
  if (!list.length) {
    return '';
  }
  return `<div class="alert alert-warning danvan-intake-unread"><strong>Chưa đọc được:</strong>
    <ul>${list.map((u) => `<li>${esc(u)}</li>`).join('')}</ul></div>`;
}

function page(node, api) {
  node.innerHTML = `<section class="danvan-intake" style="padding:16px">
    <h2>Soạn thảo từ văn bản</h2>
    <p class="text-muted">Tải lên văn bản chỉ đạo (.docx, .pdf có lớp chữ hoặc .txt): sản phẩm đọc số,
      ngày, các mục và soạn bản nháp mô hình (mỗi mục một khối, mẫu phần tử đã áp dụng). Kiểm tra
      bản nháp trước khi triển khai.</p>
    <form class="form-inline danvan-intake-form" style="margin-bottom:16px">
      <input type="file" name="file" accept=".docx,.pdf,.txt" class="form-control" required>
      <input type="text" name="key" class="form-control" placeholder="Mã mô hình (để trống: tự đặt)"
        pattern="[A-Za-z_][A-Za-z0-9_\\-]*" style="min-width:260px">
      <button type="submit" class="btn btn-primary">Đọc văn bản</button>
    </form>
    <div class="danvan-intake-body"></div></section>`;
  const form = node.querySelector('.danvan-intake-form');
  const body = node.querySelector('.danvan-intake-body');
  let viewer;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    if (!data.get('key')) {
      data.delete('key');
    }
    body.textContent = 'Đang đọc…';
    try {
      const [draft, BpmnJS] = await Promise.all([post(API, data, api), loadViewer()]);
      body.innerHTML = `<h3>Văn bản</h3>${record(draft.record)}
        <h3>Các mục (${draft.items.length})</h3>${items(draft.items)}${unread(draft.unread)}
        <h3>Bản nháp mô hình <small>${esc(draft.key)}</small></h3>
        <p>
          <button type="button" class="btn btn-default danvan-intake-download">Tải tệp .bpmn</button>
          <button type="button" class="btn btn-primary danvan-intake-deploy">Triển khai</button>
        </p>
        <div class="danvan-intake-deployed"></div>
        <div class="danvan-intake-canvas" style="height:640px;border:1px solid #ddd;background:#fff"></div>`;
      if (viewer) {
        viewer.destroy();
      }
      viewer = new BpmnJS({ container: body.querySelector('.danvan-intake-canvas') });
      await viewer.importXML(draft.bpmn);
      viewer.get('canvas').zoom('fit-viewport');
      body.querySelector('.danvan-intake-download').addEventListener('click', () => {
        const link = document.createElement('a');
        // a data: address (the webapps' content security policy lets no script read blob: ones)
        link.href = `data:application/xml;charset=utf-8,${encodeURIComponent(draft.bpmn)}`;
        link.download = `${draft.key}.bpmn`;
        document.body.appendChild(link);
        link.click();
        link.remove();
      });
      body.querySelector('.danvan-intake-deploy').addEventListener('click', () => deploy(draft, body, api));
      body.dataset.shown = draft.key; // what is drawn (for tests)
    } catch (error) {
      body.innerHTML = `<div class="alert alert-danger danvan-intake-error">${esc(error.message)}</div>`;
    }
  });
}

async function deploy(draft, body, api) {
  const place = body.querySelector('.danvan-intake-deployed');
  const data = new FormData();
  data.append('deployment-name', draft.key);
  data.append('deployment-source', 'Soạn thảo từ văn bản');
  data.append('enable-duplicate-filtering', 'true');
  data.append(`${draft.key}.bpmn`, new Blob([draft.bpmn], { type: 'text/xml' }), `${draft.key}.bpmn`);
  place.textContent = 'Đang triển khai…';
  try {
    const deployment = await post(`${ENGINE}/deployment/create`, data, api);
    const definitions = Object.values(deployment.deployedProcessDefinitions || {});
    place.innerHTML = definitions.length
      ? `<div class="alert alert-success danvan-intake-done">Đã triển khai: ${definitions.map((d) =>
        `<a href="#/process-definition/${esc(d.id)}/runtime">${esc(d.name || d.key)} (phiên bản ${esc(d.version)})</a>`).join(', ')}</div>`
      : '<div class="alert alert-info danvan-intake-done">Mô hình không đổi so với lần triển khai trước: không có phiên bản mới.</div>';
  } catch (error) {
    place.innerHTML = `<div class="alert alert-danger danvan-intake-refused">Không triển khai được: ${esc(error.message)}</div>`;
  }
}

export default [
  {
    id: 'danvan-intake-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 40,
    properties: { path: PATH },
    checkActive: (path) => path.indexOf(`#${PATH}`) > -1,
    render: (node) => {
      node.innerHTML = `<a href="#${PATH}">Soạn thảo từ văn bản</a>`;
      forAdministrators(node);
    }
  },
  {
    id: 'danvan-intake-page',
    pluginPoint: 'cockpit.route',
    properties: { path: PATH, label: 'Soạn thảo từ văn bản' },
    render: (node, { api }) => page(node, api)
  }
];
