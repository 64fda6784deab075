/*
 * Ngày giờ (dates and times) in the four webapps: every date the apps format (task due and
 * follow-up dates, created, started, ended, Date variables) is shown as Vietnam reads it, in
 * Vietnam's time (Asia/Ho_Chi_Minh, UTC+7 all year) whatever the browser's zone, in the formats of
 * danvan-config.js (Cockpit and Admin otherwise keep their own ISO format); the footer names that
 * zone. The calendars (date pickers) say months, weekdays and their buttons in Vietnamese, weeks
 * from Monday. English, when chosen (ngon-ngu.js), keeps the same dates and zone. Imported by
 * ngon-ngu.js, so it runs before each app starts.
 */
import { danvanConfig } from './danvan-config.js';

export const ZONE = 'Asia/Ho_Chi_Minh';
const OFFSET_MINUTES = 7 * 60;
const FORMATS = danvanConfig('').dateFormat;

const MONTHS = Array.from({ length: 12 }, (unused, i) => `Tháng ${i + 1}`);
const DAYS = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];
const SHORT_DAYS = ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'];
// the calendars' own words (uib templates), shown or read out to screen readers
const TEMPLATE_WORDS = [
  ['>previous<', '>trước<'],
  ['>next<', '>sau<'],
  ['Increment hours', 'Tăng giờ'],
  ['Decrement hours', 'Giảm giờ'],
  ['Increment minutes', 'Tăng phút'],
  ['Decrement minutes', 'Giảm phút'],
  ['Increment seconds', 'Tăng giây'],
  ['Decrement seconds', 'Giảm giây']
];

function vietnamese() {
  return window.localStorage.getItem('danvan-locale') !== 'en';
}

/** The text of {@code date} (a Date, epoch millis or ISO string) in Vietnam's time. */
export function inVietnam(moment, date, format) {
  const value = typeof date === 'number' ? new Date(date) : date;
  return moment(value, moment.ISO_8601).utcOffset(OFFSET_MINUTES).format(format);
}

function configure(angular) {
  const has = (name) => {
    try {
      angular.module(name);
      return true;
    } catch (missing) {
      return false;
    }
  };
  if (has('cam.commons.filter.date')) {
    angular.module('cam.commons.filter.date').config(['$provide', ($provide) => {
      $provide.decorator('camDateFilter', ['$delegate', '$injector', ($delegate, $injector) => {
        const moment = $injector.has('moment') ? $injector.get('moment') : window.moment;
        return moment ? (date, kind) => (date
          ? inVietnam(moment, date, FORMATS[kind || 'normal'] || FORMATS.normal) : '') : $delegate;
      }]);
    }]);
  }
  if (has('camunda.common.widgets')) {
    angular.module('camunda.common.widgets').config(['$provide', ($provide) => {
      $provide.decorator('camWidgetFooterDirective', ['$delegate', ($delegate) => {
        const footer = $delegate[0];
        const link = footer.link;
        footer.compile = () => (scope, ...rest) => {
          link(scope, ...rest);
          scope.timezoneName = ZONE;
        };
        return $delegate;
      }]);
    }]);
  }
  if (!vietnamese()) {
    return;
  }
  angular.module('ng').config(['$provide', ($provide) => {
    $provide.decorator('$locale', ['$delegate', ($locale) => {
      Object.assign($locale.DATETIME_FORMATS, {
        MONTH: MONTHS,
        SHORTMONTH: MONTHS,
        STANDALONEMONTH: MONTHS,
        DAY: DAYS,
        SHORTDAY: SHORT_DAYS,
        FIRSTDAYOFWEEK: 0
      });
      return $locale;
    }]);
  }]);
  if (has('ui.bootstrap')) {
    const calendars = angular.module('ui.bootstrap');
    calendars.config(['uibDatepickerConfig', 'uibDatepickerPopupConfig', (picker, popup) => {
      Object.assign(picker, { startingDay: 1, formatDayTitle: 'MMMM/yyyy' });
      Object.assign(popup, {
        currentText: 'Hôm nay',
        clearText: 'Xóa',
        closeText: 'Đóng',
        datepickerPopup: 'dd/MM/yyyy',
        altInputFormats: ['yyyy-MM-dd', 'd/M/yyyy']
      });
    }]);
    calendars.run(['$templateCache', ($templateCache) => {
      ['datepicker/day', 'datepicker/month', 'datepicker/year', 'datepickerPopup/popup',
        'timepicker/timepicker'].forEach((name) => {
        const key = `uib/template/${name}.html`;
        let template = $templateCache.get(key);
        if (typeof template === 'string') {
          TEMPLATE_WORDS.forEach(([english, said]) => {
            template = template.split(english).join(said);
          });
          $templateCache.put(key, template);
        }
      });
    }]);
  }
}

if (window.angular) {
  configure(window.angular);
}
