/*
 * Ngôn ngữ giao diện (language of the webapp). Camunda's webapps take the browser's first
 * language when it is one of config.js's availableLocales, else the fallback. This product shows
 * Vietnamese by default whatever the browser, and lets each person switch to English and back
 * (kept in this browser's localStorage). Loaded by config.js (customScripts) before the app starts;
 * the same file serves Tasklist, Cockpit, Admin and Welcome.
 */
import './ngay-gio.js';

const KEY = 'danvan-locale';
const LOCALES = { vi: 'Tiếng Việt', en: 'English' };

function chosen() {
  const value = window.localStorage.getItem(KEY);
  return Object.prototype.hasOwnProperty.call(LOCALES, value) ? value : 'vi';
}

// the apps read navigator.languages[0] once, when they start
Object.defineProperty(window.navigator, 'languages', { get: () => [chosen()], configurable: true });
Object.defineProperty(window.navigator, 'language', { get: () => chosen(), configurable: true });

// the one word Camunda's variables table writes in English whatever the language (its header)
if (window.angular && chosen() === 'vi') {
  try {
    window.angular.module('camunda.common.widgets').config(['$provide', ($provide) => {
      $provide.decorator('camWidgetVariablesTableDirective', ['$delegate', ($delegate) => {
        $delegate[0].template = $delegate[0].template.replace(/>\s*Actions\s*</, '>Thao tác<');
        return $delegate;
      }]);
    }]);
  } catch (noWidgets) {
    // an app without Camunda's widgets
  }
}

/** A "Tiếng Việt | English" switch, as a plugin of the app's header (pluginPoint given). */
export function languageSwitch(pluginPoint) {
  return {
    id: 'danvan-language-switch',
    pluginPoint,
    priority: -100,
    render: (node) => {
      const current = chosen();
      node.innerHTML = '<span class="danvan-locales">' + Object.entries(LOCALES)
        .map(([locale, name]) => locale === current
          ? `<span class="danvan-locale danvan-locale-current">${name}</span>`
          : `<a href="#" class="danvan-locale" data-locale="${locale}">${name}</a>`)
        .join(' | ') + '</span>';
      node.querySelectorAll('a[data-locale]').forEach((link) => link.addEventListener('click',
        (event) => {
          event.preventDefault();
          window.localStorage.setItem(KEY, link.getAttribute('data-locale'));
          window.location.reload();
        }));
    }
  };
}

export default languageSwitch('tasklist.navbar.action');
