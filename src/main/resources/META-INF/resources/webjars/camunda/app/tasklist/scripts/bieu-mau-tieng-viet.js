/*
 * Tasklist's forms (form-js) check fields in the browser with English messages that show the raw
 * pattern ("Field must match pattern ^\d{1,2}/…$."). This script says each of them in Vietnamese
 * as it appears; a field's pattern is never shown, its description is ("Ví dụ: 31/12/2026").
 * An empty table says so in Vietnamese too.
 * It also takes away the error messages of a task once the person changes an answer of its form
 * (the refusal was of the answers sent) or moves to another task or page, so that an old refusal
 * does not stay on screen: Tasklist shows it at the bottom right, over the lower half of the
 * form's "Hoàn thành" button. Loaded by config.js (customScripts).
 */
const MESSAGES = [
  [/^Field is required\.$/, () => 'Cần nhập thông tin này.'],
  [/^Field must have minimum length of (\d+)\.$/, (m) => `Cần ít nhất ${m[1]} ký tự.`],
  [/^Field must have maximum length of (\d+)\.$/, (m) => `Tối đa ${m[1]} ký tự.`],
  [/^Field must have minimum value of (.+)\.$/, (m) => `Giá trị nhỏ nhất là ${m[1]}.`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `Giá trị lớn nhất là ${m[1]}.`],
  [/^Field must match pattern /, (m, hint) => `Không đúng định dạng.${hint ? ` ${hint}` : ''}`],
  [/^Value is not a number\.$/, () => 'Cần nhập một số.'],
  [/^Value is expected to be an integer\.$/, () => 'Cần nhập một số nguyên.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/,
    (m) => `Tối đa ${m[1]} chữ số thập phân.`],
  [/^Field must be a valid email\.$/, () => 'Địa chỉ thư điện tử không hợp lệ.'],
  [/^Field must be a valid +international phone number\./,
    () => 'Số điện thoại không hợp lệ (ví dụ +84912345678).'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (m) => `Giá trị không hợp lệ; hai giá trị gần nhất là ${m[1]} và ${m[2]}.`]
];

/** The message in Vietnamese, or null when it is not one of form-js's own. */
export function vietnamese(message, hint) {
  for (const [pattern, say] of MESSAGES) {
    const match = pattern.exec(message);
    if (match) {
      return say(match, hint);
    }
  }
  return null;
}

// The form library keeps its own text nodes and writes a message into the same node again only
// when the message changes: the translation is written into that node, never in its place.
function translate(item) {
  item.childNodes.forEach((node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const said = vietnamese(node.nodeValue.trim(), hintOf(item));
      if (said !== null && said !== node.nodeValue) {
        node.nodeValue = said;
      }
    }
  });
}

function hintOf(item) {
  const field = item.closest('.fjs-form-field');
  const description = field && field.querySelector('.fjs-form-field-description');
  return description ? description.textContent.trim() : '';
}

// a table of the form without rows says so in English
const WORDS = { 'Nothing to show.': 'Chưa có dòng nào.' };

function translateWords(cell) {
  cell.childNodes.forEach((node) => {
    const said = node.nodeType === Node.TEXT_NODE && WORDS[node.nodeValue.trim()];
    if (said) {
      node.nodeValue = said;
    }
  });
}

function translateAll(root) {
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  if (root.matches('.fjs-form-field-error li')) {
    translate(root);
  }
  root.querySelectorAll('.fjs-form-field-error li').forEach(translate);
  if (root.matches('.fjs-table-td')) {
    translateWords(root);
  }
  root.querySelectorAll('.fjs-table-td').forEach(translateWords);
}

new MutationObserver((records) => {
  for (const record of records) {
    if (record.type === 'characterData') {
      const item = record.target.parentElement;
      if (item && item.matches('.fjs-form-field-error li')) {
        translate(item);
      } else if (item && item.matches('.fjs-table-td')) {
        translateWords(item);
      }
    } else {
      record.addedNodes.forEach(translateAll);
    }
  }
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

function taskOf(url) {
  const match = /[?&]task=([^&]+)/.exec(new URL(url).hash);
  return match ? match[1] : null;
}

function closeErrors() {
  document.querySelectorAll('.notifications .alert-danger .close').forEach((close) => close.click());
}

window.addEventListener('hashchange', (event) => {
  if (taskOf(event.oldURL) !== taskOf(event.newURL)) {
    closeErrors();
  }
});

// a person's own change of an answer (typing, ticking, choosing), not the form's drawing
for (const type of ['input', 'change']) {
  document.addEventListener(type, (event) => {
    if (event.isTrusted && event.target instanceof Element && event.target.closest('.fjs-form')) {
      closeErrors();
    }
  }, true);
}
