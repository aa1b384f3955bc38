// Baton's additions to Tasklist, loaded as a custom script (scripts/config.js):
// - every filter shows how many tasks it holds for the user, not only the selected one (Tasklist
//   counts that one only). Counts come from the webapp's engine API with the user's session and
//   authorizations, refreshed every 20 s and whenever Tasklist's URL changes;
// - an error stays with the task it was about: when Tasklist moves on (a task completed, another
//   task or filter chosen), its error messages are dismissed, so a refusal corrected and
//   completed does not stay on screen as if the completion had failed;
// - nobody is offered what the engine would refuse: Claim (and changing the assignee) only for
//   those the engine lets work the task, asked with the same permissions it checks (TASK_WORK or
//   UPDATE on the task or its process definition); changing a gate's due date or groups only for
//   administrators (Baton fixes both, see TaskChangeRule). Others see why, and where to act;
// - a refused submission's message also stands beside the field it names (Baton's refusals start
//   with the field's label), until the field is changed or the form is sent again;
// - starting a campaign or program confirms its code, with a link that finds its gates (Tasklist's
//   own confirmation names no instance);
// - the task list starts sorted soonest due first, as Baton's filters describe (Tasklist's own
//   default is newest created first); once a user picks a sorting, it is theirs.

const path = window.location.pathname;
const appBase = path.replace(/app\/tasklist\/.*$/, '');
const engineName = (path.match(/app\/tasklist\/([^/]+)\//) || [])[1] || 'default';
const filterApi = `${appBase}api/engine/engine/${engineName}/filter?resourceType=Task&itemCount=true&firstResult=0&maxResults=100`;
const REFRESH_MILLIS = 20000;
const engineApi = `${appBase}api/engine/engine/${engineName}`;

let filters = [];
let loading = false;

async function loadFilters() {
  if (loading || !document.querySelector('.task-filters')) {
    return;
  }
  loading = true;
  try {
    const answer = await fetch(filterApi, {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
    if (answer.ok) {
      filters = await answer.json();
      showCounts();
    }
  } catch (unreachable) {
    // Tasklist shows its own errors; the counts simply stay as they were
  } finally {
    loading = false;
  }
}

/** The filter's name: the link's own text, without counters. */
function nameOf(link) {
  return Array.from(link.childNodes).filter(node => node.nodeType === Node.TEXT_NODE)
    .map(node => node.textContent).join('').trim();
}

function showCounts() {
  document.querySelectorAll('.task-filters .content .item h4 a').forEach(link => {
    const filter = filters.find(f => f.name === nameOf(link));
    if (!filter || filter.itemCount === undefined || filter.itemCount === null) {
      return;
    }
    let count = link.querySelector('.baton-count');
    if (!count) {
      count = document.createElement('span');
      count.className = 'baton-count';
      link.appendChild(count);
    }
    const text = `(${filter.itemCount})`;
    if (count.textContent !== text) {
      count.textContent = text;
    }
  });
}

function dismissErrors() {
  document.querySelectorAll('.page-notifications .alert-danger .close, .page-notifications .alert-error .close')
    .forEach(close => close.click());
}

async function getJson(url) {
  const answer = await fetch(url, {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
  if (!answer.ok) {
    throw new Error(`HTTP ${answer.status}`);
  }
  return answer.json();
}

let authorizedApps = null;
async function mayOpen(app) {
  if (authorizedApps === null) {
    const user = await getJson(`${appBase}api/admin/auth/user/${engineName}`);
    authorizedApps = user.authorizedApps || [];
  }
  return authorizedApps.includes(app);
}

const isAdministrator = () => mayOpen('admin');

/** The same permissions ClaimTaskCmd checks, any one of which lets the user work the task. */
async function mayWork(taskId) {
  const task = await getJson(`${engineApi}/task/${encodeURIComponent(taskId)}`);
  const definitionKey = (task.processDefinitionId || '').split(':')[0];
  const checks = [['TASK_WORK', 'Task', 7, taskId], ['UPDATE', 'Task', 7, taskId],
    ['TASK_WORK', 'ProcessDefinition', 6, definitionKey], ['UPDATE_TASK', 'ProcessDefinition', 6, definitionKey]];
  const answers = await Promise.all(checks.map(([permission, name, type, id]) => getJson(
    `${engineApi}/authorization/check?permissionName=${permission}&resourceName=${name}&resourceType=${type}`
    + `&resourceId=${encodeURIComponent(id)}`).catch(() => ({authorized: false}))));
  return answers.some(answer => answer.authorized);
}

const workable = new Map();
function selectedTaskId() {
  const hash = window.location.hash;
  return new URLSearchParams(hash.includes('?') ? hash.substring(hash.indexOf('?') + 1) : '').get('task');
}

async function offerOnlyWhatWillWork() {
  try {
    document.body.classList.toggle('baton-task-admin', await isAdministrator());
  } catch (unknown) {
    return;
  }
  const taskId = selectedTaskId();
  if (!taskId) {
    return;
  }
  if (!workable.has(taskId)) {
    workable.set(taskId, mayWork(taskId).catch(() => true));
  }
  const may = await workable.get(taskId);
  if (taskId !== selectedTaskId()) {
    return;
  }
  document.body.classList.toggle('baton-may-not-work', !may);
  const actors = document.querySelector('ul.meta.actors');
  const note = document.querySelector('.baton-claim-note');
  if (!may && actors && !note) {
    const text = document.createElement('p');
    text.className = 'baton-claim-note';
    text.textContent = 'Only its team works this task. Project managers act on an overdue gate from its escalation '
      + '("Overdue: …"): remind the team, reassign the gate, give it a new due date, or cancel the campaign.';
    actors.after(text);
  } else if (may && note) {
    note.remove();
  }
}

let redraw = null;
new MutationObserver(() => {
  // Tasklist redraws its filter list and task details; put Baton's additions back once it is done
  clearTimeout(redraw);
  redraw = setTimeout(() => {
    if (filters.length) {
      showCounts();
    } else {
      loadFilters();
    }
    offerOnlyWhatWillWork();
  }, 100);
}).observe(document.body, {childList: true, subtree: true});
// Tasklist changes its URL through the History API, which fires no event: watch it
const SOONEST_DUE_FIRST = JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]);
const TASKLIST_DEFAULT = JSON.stringify([{sortBy: 'created', sortOrder: 'desc'}]);
const SORTED_KEY = 'baton.tasklist.ownSorting';
// a click in Tasklist's sorting control: from then on the user's sorting stands, whatever it is
document.addEventListener('click', event => {
  if (event.target.closest && event.target.closest('[cam-sorting-choices]')) {
    sessionStorage.setItem(SORTED_KEY, 'yes');
  }
}, true);

/**
 * Tasklist reads its sorting from the URL and writes "created, newest first" there when none is
 * set. Until the user has a sorting of their own, that default becomes "due date, soonest first";
 * a popstate event makes Tasklist read the URL again.
 */
function sortSoonestDueFirst() {
  const hash = window.location.hash;
  if (sessionStorage.getItem(SORTED_KEY) || !hash.startsWith('#/') || hash.startsWith('#/login')) {
    return;
  }
  const at = hash.indexOf('?');
  const params = new URLSearchParams(at < 0 ? '' : hash.substring(at + 1));
  const sorting = params.get('sorting');
  if (sorting !== TASKLIST_DEFAULT) {
    return;
  }
  params.set('sorting', SOONEST_DUE_FIRST);
  const path = at < 0 ? hash : hash.substring(0, at);
  history.replaceState(history.state, '', `${window.location.pathname}${window.location.search}${path}?${params}`);
  window.dispatchEvent(new PopStateEvent('popstate', {state: history.state}));
}

let seenUrl = window.location.href;
setInterval(() => {
  sortSoonestDueFirst();
  if (window.location.href !== seenUrl) {
    seenUrl = window.location.href;
    dismissErrors();
    loadFilters();
  }
}, 300);
setInterval(loadFilters, REFRESH_MILLIS);
loadFilters();

/** The code of a started campaign, from the start's answer (Tasklist's XHR call to the engine API). */
const STARTED = /\/process-definition\/[^/]+\/(submit-form|start)$/;
const COMPLETED = /\/task\/[^/]+\/(submit-form|complete)$/;
const openRequest = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  const post = String(method).toUpperCase() === 'POST';
  const path = String(url).split('?')[0];
  if (post && (COMPLETED.test(path) || STARTED.test(path))) {
    clearFieldErrors();
    this.addEventListener('load', () => {
      if (this.status === 400) {
        try {
          showBesideItsField(JSON.parse(this.responseText).message || '');
        } catch (notJson) {
          // Tasklist shows the answer in its own panel
        }
      }
    });
  }
  if (post && STARTED.test(path)) {
    this.addEventListener('load', () => {
      if (this.status === 200) {
        try {
          const started = JSON.parse(this.responseText);
          if (started.businessKey) {
            confirmStart(started.businessKey);
          }
        } catch (notJson) {
          // nothing to add to Tasklist's own confirmation
        }
      }
    });
  }
  return openRequest.call(this, method, url, ...rest);
};

function clearFieldErrors() {
  document.querySelectorAll('.baton-field-error').forEach(error => error.remove());
}

/** "Label: what is expected" → the same words under the form field with that label, if there is one. */
function showBesideItsField(message) {
  const colon = message.indexOf(': ');
  if (colon < 1) {
    return;
  }
  const label = message.substring(0, colon).trim();
  const field = Array.from(document.querySelectorAll('.fjs-form-field')).find(candidate => {
    const text = candidate.querySelector('.fjs-form-field-label');
    return text && text.textContent.replace(/\*\s*$/, '').trim() === label;
  });
  if (!field) {
    return;
  }
  const error = document.createElement('div');
  error.className = 'baton-field-error';
  error.setAttribute('role', 'alert');
  error.textContent = message.substring(colon + 2);
  field.appendChild(error);
  field.addEventListener('input', clearFieldErrors, {once: true});
  // the line is added above the form's buttons: scroll by its height, so that the buttons the user
  // just clicked stay where they were instead of sliding under the page's edge
  let box = field.parentElement;
  while (box && !(box.scrollHeight > box.clientHeight && /(auto|scroll)/.test(getComputedStyle(box).overflowY))) {
    box = box.parentElement;
  }
  if (box) {
    box.scrollTop += error.getBoundingClientRect().height + 4;
  }
}

/**
 * Confirms the code, with where to follow the campaign: its timeline in Cockpit for those who may
 * open Cockpit (project managers: the new brief is not in their team's filters), else its gates
 * found by a Tasklist search.
 */
async function confirmStart(code) {
  document.querySelectorAll('.baton-started').forEach(old => old.remove());
  const cockpit = await mayOpen('cockpit').catch(() => false);
  const search = JSON.stringify([{type: 'processInstanceBusinessKey', operator: 'eq', value: code, name: ''}]);
  const notice = document.createElement('div');
  notice.className = 'baton-started alert alert-success';
  notice.setAttribute('role', 'status');
  notice.innerHTML = '<button type="button" class="close" aria-label="Close">×</button>'
    + '<strong>Started: <span class="baton-started-code"></span></strong>. Quote this code; '
    + '<a class="baton-started-follow"></a>.';
  notice.querySelector('.baton-started-code').textContent = code;
  const follow = notice.querySelector('.baton-started-follow');
  if (cockpit) {
    follow.textContent = 'follow it in Cockpit';
    follow.href = `${appBase}app/cockpit/${engineName}/#/handoffs?campaign=${encodeURIComponent(code)}`;
  } else {
    follow.textContent = 'show its gates';
    follow.href = `#/?searchQuery=${encodeURIComponent(search)}`;
  }
  notice.querySelector('.close').addEventListener('click', () => notice.remove());
  document.body.appendChild(notice);
}

export default [];
