/*
 * The "Tệp đính kèm" tab of a task in Tasklist: the task's files, each downloadable, and a form to
 * attach one more (PDF, DOC/DOCX, XLS/XLSX, ODT/ODS, JPG, PNG). It calls the product's API
 * (/api/tep-dinh-kem) with the signed-in person's session and its CSRF token, so a person sees
 * and adds only what the engine lets them do with the task; the server checks every file and
 * answers a refusal in Vietnamese, shown here as it comes. Loaded by config.js (customScripts).
 */
const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.jpg,.jpeg,.png';

function api() {
  const root = document.querySelector('base').getAttribute('app-root') || '/camunda';
  return `${root.replace(/\/camunda$/, '')}/api/tep-dinh-kem`;
}

function csrfToken() {
  const found = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return found ? decodeURIComponent(found[1]) : '';
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** A size as people read it: 12,5 KB, 3,2 MB. */
export function size(bytes) {
  if (bytes < 1024) {
    return `${bytes} byte`;
  }
  const kb = bytes / 1024;
  const format = (n) => n.toLocaleString('vi-VN', { maximumFractionDigits: 1 });
  return kb < 1024 ? `${format(kb)} KB` : `${format(kb / 1024)} MB`;
}

async function message(response) {
  try {
    const body = await response.json();
    return body.message || `Lỗi ${response.status}`;
  } catch (notJson) {
    return `Lỗi ${response.status}`;
  }
}

function fileTable() {
  const table = element('table', 'table table-condensed danvan-tep-danh-sach');
  const head = element('thead');
  const headRow = element('tr');
  for (const title of ['Tệp', 'Dung lượng', 'Người tải lên', 'Thời điểm']) {
    headRow.append(element('th', null, title));
  }
  head.append(headRow);
  table.append(head, element('tbody'));
  table.hidden = true;
  return table;
}

function fill(table, files) {
  const body = table.querySelector('tbody');
  body.replaceChildren();
  table.hidden = files.length === 0;
  for (const file of files) {
    const row = element('tr', 'danvan-tep-dong');
    const link = element('a', 'danvan-tep-tai', file.tenTep);
    link.href = `${api()}/${encodeURIComponent(file.id)}`;
    link.setAttribute('download', file.tenTep);
    const name = element('td');
    name.append(link);
    if (file.chuKySo) {
      // what the PDF's digital signatures say: signer, time, unchanged since signing
      const ok = file.chuKySo.includes('Chữ ký hợp lệ');
      name.append(
        element('div', ok ? 'danvan-tep-ky danvan-tep-ky-ok' : 'danvan-tep-ky', file.chuKySo)
      );
    }
    row.append(
      name,
      element('td', null, size(file.kichThuoc)),
      element('td', null, file.nguoiTaiLen),
      element('td', null, file.thoiDiem)
    );
    body.append(row);
  }
}

async function files(path) {
  return fetch(`${api()}/cong-viec/${path}`, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' }
  });
}

async function list(table, status, taskId) {
  const response = await files(encodeURIComponent(taskId));
  if (!response.ok) {
    status.textContent = await message(response);
    return;
  }
  const found = await response.json();
  fill(table, found);
  table.nextElementSibling.hidden = found.length > 0;
}

/** The files of the directive the task serves, when it has any. */
async function listSection(section, taskId, which) {
  const response = await files(`${encodeURIComponent(taskId)}/${which}`);
  const found = response.ok ? await response.json() : [];
  fill(section.querySelector('table'), found);
  section.hidden = found.length === 0;
}

function render(node, taskId) {
  const box = element('div', 'danvan-tep');
  const form = element('form', 'danvan-tep-gui');
  const input = element('input');
  input.type = 'file';
  input.name = 'tep';
  input.accept = ACCEPT;
  input.setAttribute('aria-label', 'Chọn tệp đính kèm');
  const send = element('button', 'btn btn-default', 'Tải lên');
  send.type = 'submit';
  const hint = element(
    'p',
    'help-block',
    'Nhận PDF, DOC/DOCX, XLS/XLSX, ODT/ODS, JPG, PNG; mỗi tệp tối đa 20 MB.'
  );
  form.append(input, send, hint);
  const status = element('p', 'danvan-tep-trang-thai');
  status.setAttribute('role', 'status');
  const table = fileTable();
  const none = element('p', 'danvan-tep-trong', 'Chưa có tệp đính kèm.');
  const earlier = element('section', 'danvan-tep-truoc-do');
  earlier.append(element('h4', null, 'Tệp của các bước trước'), fileTable());
  earlier.hidden = true;
  const directive = element('section', 'danvan-tep-van-ban');
  directive.append(element('h4', null, 'Tệp của văn bản chỉ đạo'), fileTable());
  directive.hidden = true;
  box.append(form, status, table, none, earlier, directive);
  node.replaceChildren(box);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = input.files[0];
    if (!file) {
      status.textContent = 'Chọn một tệp trước khi tải lên.';
      return;
    }
    const data = new FormData();
    data.append('tep', file, file.name);
    send.disabled = true;
    status.textContent = `Đang tải lên "${file.name}"…`;
    try {
      const response = await fetch(`${api()}/cong-viec/${encodeURIComponent(taskId)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() },
        body: data
      });
      status.textContent = response.ok
        ? `Đã tải lên "${file.name}".`
        : await message(response);
      if (response.ok) {
        form.reset();
        await list(table, status, taskId);
      }
    } catch (unreachable) {
      status.textContent = 'Không gửi được tệp: kiểm tra kết nối rồi thử lại.';
    } finally {
      send.disabled = false;
    }
  });
  list(table, status, taskId);
  listSection(earlier, taskId, 'truoc-do');
  listSection(directive, taskId, 'van-ban');
}

export default [
  {
    id: 'danvan-tep-dinh-kem',
    pluginPoint: 'tasklist.task.detail',
    priority: 50,
    render: (node, { taskId }) => {
      render(node, taskId);
    },
    properties: {
      label: 'Tệp đính kèm'
    }
  }
];
