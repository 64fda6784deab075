/*
 * The menu entries of the pages only administrators (the group camunda-admin) may use
 * (soan-thao.js, dien-tap.js): shown to administrators alone, as their APIs answer others 403.
 * Who is signed in: the webapps' authentication (/camunda/api/admin/auth/user/default); whether
 * an administrator: the engine's REST API as the webapps mount it, asked for camunda-admin among
 * the user's groups (a user who may not read groups sees none, and is no administrator).
 */
const ENGINE = '/camunda/api/engine/engine/default';

function get(url) {
  return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`${response.status}`))));
}

/** Whether the signed-in user is a member of camunda-admin (false when it cannot be told). */
export function administrator() {
  return get('/camunda/api/admin/auth/user/default')
    .then((user) => get(`${ENGINE}/group/count?id=camunda-admin&member=${encodeURIComponent(user.userId)}`))
    .then((groups) => groups.count > 0)
    .catch(() => false);
}

/** A menu entry for administrators: hidden until the answer, then shown to them or removed. */
export function forAdministrators(node) {
  node.style.display = 'none';
  administrator().then((yes) => {
    if (yes) {
      node.style.display = '';
    } else {
      const entry = node.closest('li');
      if (entry) {
        entry.style.display = 'none';
      }
    }
  });
}
