/*
 * Every task card in Tasklist's list says where the task stands against its deadline, in words
 * and colour: "Quá hạn" (red), "Sắp đến hạn" (amber, due within 3 days, as the board counts it),
 * "Trong hạn" (green), "Không thời hạn" (grey); then the body the task is offered to and its
 * directive's number, unless the task's name already says it. The deadline is the task's due
 * date; the card asks the engine for it, and the product's API (/api/the-cong-viec) for the body
 * and number, with the signed-in person's session, so a person sees only what they may.
 * Loaded by config.js (customScripts); the priority number the cards used to show is hidden in
 * danvan.css, as nothing sets it.
 */
const DUE_SOON_MS = 3 * 24 * 60 * 60 * 1000;

function engineApi() {
  const root = document.querySelector('base').getAttribute('app-root') || '/camunda';
  const path = window.location.pathname.split('/');
  const engine = path[path.indexOf('tasklist') + 1] || 'default';
  return `${root}/api/engine/engine/${encodeURIComponent(engine)}`;
}

/** The standing of a task due at {@code due} (an ISO date-time, or null) at {@code now}. */
export function standing(due, now) {
  if (!due) {
    return { key: 'khong-thoi-han', text: 'Không thời hạn' };
  }
  const left = new Date(due).getTime() - now;
  if (left < 0) {
    return { key: 'qua-han', text: 'Quá hạn' };
  }
  if (left <= DUE_SOON_MS) {
    return { key: 'sap-den-han', text: 'Sắp đến hạn' };
  }
  return { key: 'trong-han', text: 'Trong hạn' };
}

async function read(url) {
  try {
    const response = await fetch(url, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' }
    });
    return response.ok ? await response.json() : null;
  } catch (unreachable) {
    return null;
  }
}

/** "Sở Nội vụ · Văn bản 45-KH/TU": whose task it is, and its directive unless named already. */
export function whose(card, name) {
  const parts = [];
  if (card && card.donVi && card.donVi.length) {
    parts.push(card.donVi.join(', '));
  }
  if (card && card.vanBan && !(name || '').includes(card.vanBan)) {
    parts.push(`Văn bản ${card.vanBan}`);
  }
  return parts.join(' · ');
}

async function render(node, taskId) {
  const id = encodeURIComponent(taskId);
  const [task, card] = await Promise.all([
    read(`${engineApi()}/task/${id}`),
    read(`/api/the-cong-viec/${id}`)
  ]);
  if (!task) {
    return;
  }
  const state = standing(task.due, Date.now());
  const chip = document.createElement('span');
  chip.className = `danvan-han danvan-han-${state.key}`;
  chip.textContent = state.text;
  const shown = [chip];
  const text = whose(card, task.name);
  if (text) {
    const line = document.createElement('span');
    line.className = 'danvan-cua-ai';
    line.textContent = text;
    shown.push(line);
  }
  node.replaceChildren(...shown);
}

export default [
  {
    id: 'danvan-han-xu-ly',
    pluginPoint: 'tasklist.card',
    priority: 100,
    render: (node, { taskId }) => {
      render(node, taskId);
    }
  }
];
