// OpenPMO's additions to Camunda Tasklist (loaded as a custom script by scripts/config.js, which the
// application writes with the configured locale in window.openpmoSettings):
//  1. dates in Camunda Forms follow the configured locale (form-js asks Intl for the browser's "default"),
//     and date pickers start their weeks on the locale's first day;
//  2. a "My requests" link in the header, to the page where a requester follows her requests;
//  3. after starting a project request, a message with its code and where to follow it;
//  4. an error message goes away once a later action succeeds.
const settings = window.openpmoSettings || { locale: 'en-GB', firstDayOfWeek: 1, requestsUrl: '/dashboard/requests.html',
  requestUrl: '/dashboard/request.html' };

// 1. form dates and date pickers ------------------------------------------------------------------
const NativeDateTimeFormat = Intl.DateTimeFormat;
if (!NativeDateTimeFormat.openpmo) {
  const LocalisedDateTimeFormat = function (locales, options) {
    const chosen = locales === undefined || locales === 'default' ? settings.locale : locales;
    return new NativeDateTimeFormat(chosen, options);
  };
  LocalisedDateTimeFormat.prototype = NativeDateTimeFormat.prototype;
  LocalisedDateTimeFormat.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf.bind(NativeDateTimeFormat);
  LocalisedDateTimeFormat.openpmo = true;
  Intl.DateTimeFormat = LocalisedDateTimeFormat;
}

function firstDayOfWeek(flatpickr) {
  if (flatpickr && flatpickr.l10ns && flatpickr.l10ns.default) {
    flatpickr.l10ns.default.firstDayOfWeek = settings.firstDayOfWeek;
  }
}
if (window.flatpickr) {
  firstDayOfWeek(window.flatpickr);
} else {
  // the date picker library registers itself when the first form needs it
  let picker;
  Object.defineProperty(window, 'flatpickr', {
    configurable: true,
    get: () => picker,
    set: value => { picker = value; firstDayOfWeek(value); },
  });
}

// 3. the project code after a request is started --------------------------------------------------
function notifications(action) {
  const angular = window.angular;
  const injector = angular && angular.element(document.body).injector && angular.element(document.body).injector();
  if (!injector || !injector.has('Notifications')) return false;
  const Notifications = injector.get('Notifications');
  injector.get('$rootScope').$applyAsync(() => action(Notifications));
  return true;
}

function notify(status, message) {
  if (!notifications(n => n.addMessage({ status, message, type: 'success' }))) {
    window.alert(status + ': ' + message);
  }
}

const STARTED = /\/process-definition\/[^/]+\/submit-form$/;
// 4. a task completed, claimed or given back: an older error message is out of date
const TASK_ACTION = /\/task\/[^/]+\/(submit-form|complete|claim|unclaim|assignee)$/;
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url) {
  if (method === 'POST' && TASK_ACTION.test(String(url))) {
    this.addEventListener('load', () => {
      if (this.status >= 200 && this.status < 300) {
        notifications(n => n.clear({ type: 'danger' }));
      }
    });
  }
  if (method === 'POST' && STARTED.test(String(url))) {
    this.addEventListener('load', () => {
      if (this.status !== 200) return;
      try {
        const started = JSON.parse(this.responseText);
        if (started.businessKey && /^PRJ-/.test(started.businessKey)) {
          notify('Request registered', 'Your project request is ' + started.businessKey + '. Follow it under'
            + ' "My requests" (' + settings.requestUrl + '?code=' + started.businessKey + '); you also get a mail.');
        }
      } catch (e) {
        // not a JSON answer: nothing to say
      }
    });
  }
  return open.apply(this, arguments);
};

// 2. "My requests" in the header ------------------------------------------------------------------
export default [{
  id: 'openpmo-my-requests',
  pluginPoint: 'tasklist.navbar.action',
  priority: 200,
  render: node => {
    const link = document.createElement('a');
    link.href = settings.requestsUrl;
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = 'My requests';
    link.title = 'The projects you requested, sponsor or review: status, every vote, open tasks';
    link.className = 'openpmo-my-requests';
    node.appendChild(link);
  },
}];
