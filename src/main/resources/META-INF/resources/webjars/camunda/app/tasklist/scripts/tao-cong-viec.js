/*
 * "Tạo công việc" (create task) in Tasklist's header is for those the engine lets create tasks
 * (CREATE on TASK: the administrator); everyone else would only be refused. danvan.css hides it
 * until the signed-in person's authorization is checked, and this script shows it to those who
 * have it: checked whenever the header draws the action and after every sign-in, forgotten at
 * sign-out. Loaded by config.js (customScripts).
 */
const ACTION = '.create-task-action';
const MAY_CREATE = 'danvan-may-create-task';

function engineApi() {
  const root = document.querySelector('base').getAttribute('app-root') || '/camunda';
  const path = window.location.pathname.split('/');
  const engine = path[path.indexOf('tasklist') + 1] || 'default';
  return `${root}/api/engine/engine/${encodeURIComponent(engine)}`;
}

async function check() {
  let allowed = false;
  try {
    const response = await fetch(engineApi() + '/authorization/check'
      + '?permissionName=CREATE&resourceName=task&resourceType=7',
      { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    allowed = response.ok && (await response.json()).authorized === true;
  } catch (unreachable) {
    allowed = false;
  }
  document.body.classList.toggle(MAY_CREATE, allowed);
}

function drawsAction(node) {
  return node.nodeType === Node.ELEMENT_NODE
    && (node.matches(ACTION) || node.querySelector(ACTION) !== null);
}

new MutationObserver((records) => {
  if (records.some((record) => Array.from(record.addedNodes).some(drawsAction))) {
    check();
  }
}).observe(document.documentElement, { childList: true, subtree: true });

window.addEventListener('hashchange', (event) => {
  if (event.newURL.includes('#/login')) {
    document.body.classList.remove(MAY_CREATE); // signed out: the next person is asked anew
  } else if (event.oldURL.includes('#/login')) {
    check();
  }
});
