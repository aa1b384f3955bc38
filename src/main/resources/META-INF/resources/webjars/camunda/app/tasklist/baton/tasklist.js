// Baton's additions to Tasklist, loaded as a custom script (scripts/config.js):
// - every filter shows how many tasks it holds for the user, not only the selected one (Tasklist
//   counts that one only). Counts come from the webapp's engine API with the user's session and
//   authorizations, refreshed every 20 s and whenever Tasklist's URL changes;
// - an error stays with the task it was about: when Tasklist moves on (a task completed, another
//   task or filter chosen), its error messages are dismissed, so a refusal corrected and
//   completed does not stay on screen as if the completion had failed.

const path = window.location.pathname;
const appBase = path.replace(/app\/tasklist\/.*$/, '');
const engineName = (path.match(/app\/tasklist\/([^/]+)\//) || [])[1] || 'default';
const filterApi = `${appBase}api/engine/engine/${engineName}/filter?resourceType=Task&itemCount=true&firstResult=0&maxResults=100`;
const REFRESH_MILLIS = 20000;

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

let redraw = null;
new MutationObserver(() => {
  // Tasklist redraws its filter list; put the counts back once it is done
  clearTimeout(redraw);
  redraw = setTimeout(() => (filters.length ? showCounts() : loadFilters()), 100);
}).observe(document.body, {childList: true, subtree: true});
// Tasklist changes its URL through the History API, which fires no event: watch it
let seenUrl = window.location.href;
setInterval(() => {
  if (window.location.href !== seenUrl) {
    seenUrl = window.location.href;
    dismissErrors();
    loadFilters();
  }
}, 300);
setInterval(loadFilters, REFRESH_MILLIS);
loadFilters();

export default [];
