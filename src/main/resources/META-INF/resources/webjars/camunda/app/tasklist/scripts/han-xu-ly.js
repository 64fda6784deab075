/*
 * Every task card in Tasklist's list says where the task stands against its deadline, in words
 * and colour: "Quá hạn" (red), "Sắp đến hạn" (amber, due within 3 days, as the board counts it),
 * "Trong hạn" (green), "Không thời hạn" (grey). The deadline is the task's due date; the card asks
 * the engine for it with the signed-in person's session, so a person sees only what they may.
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

async function render(node, taskId) {
  let task;
  try {
    const response = await fetch(`${engineApi()}/task/${encodeURIComponent(taskId)}`, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' }
    });
    if (!response.ok) {
      return;
    }
    task = await response.json();
  } catch (unreachable) {
    return;
  }
  const state = standing(task.due, Date.now());
  const chip = document.createElement('span');
  chip.className = `danvan-han danvan-han-${state.key}`;
  chip.textContent = state.text;
  node.replaceChildren(chip);
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
