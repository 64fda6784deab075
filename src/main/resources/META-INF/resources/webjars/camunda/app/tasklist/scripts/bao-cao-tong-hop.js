/*
 * On the compile task of a periodic report's period ("Tổng hợp báo cáo kỳ", Task_Consolidate), the
 * task's header offers the generated draft of the consolidated report: "Tải dự thảo báo cáo tổng
 * hợp (.docx)" and its data as .xlsx (GET /api/bao-cao-tong-hop/{taskId}.docx|.xlsx, with the
 * person's Tasklist session; the server checks that they may read the task). Tasklist gives its
 * task-header plugins no task id: the open task is the one in the address (…#/?task=<id>), followed
 * as the person moves from task to task. Loaded by config.js (customScripts).
 */
const COMPILE_TASK = 'Task_Consolidate';

function engineApi() {
  const root = document.querySelector('base').getAttribute('app-root') || '/camunda';
  const path = window.location.pathname.split('/');
  const engine = path[path.indexOf('tasklist') + 1] || 'default';
  return `${root}/api/engine/engine/${encodeURIComponent(engine)}`;
}

/** The id of the task open in Tasklist, from the address; null when none. */
export function openTaskId(hash) {
  const query = (hash || '').split('?')[1];
  return query ? new URLSearchParams(query).get('task') : null;
}

function link(taskId, extension, text) {
  const a = document.createElement('a');
  a.href = `/api/bao-cao-tong-hop/${encodeURIComponent(taskId)}.${extension}`;
  a.className = 'danvan-bao-cao-tong-hop';
  a.setAttribute('download', '');
  a.textContent = text;
  return a;
}

async function render(node) {
  const taskId = openTaskId(window.location.hash);
  node.replaceChildren();
  if (!taskId) {
    return;
  }
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
  if (task.taskDefinitionKey !== COMPILE_TASK || openTaskId(window.location.hash) !== taskId) {
    return;
  }
  node.replaceChildren(
    link(taskId, 'docx', 'Tải dự thảo báo cáo tổng hợp (.docx)'),
    link(taskId, 'xlsx', 'Số liệu (.xlsx)')
  );
}

export default [
  {
    id: 'danvan-bao-cao-tong-hop',
    pluginPoint: 'tasklist.task.action',
    priority: 50,
    render: (node) => {
      render(node);
      const follow = () => {
        if (node.isConnected) {
          render(node);
        } else {
          window.removeEventListener('hashchange', follow);
        }
      };
      window.addEventListener('hashchange', follow);
    }
  }
];
