/* Tequio cmi5 runtime (the AU side of cmi5). Installs window.TEQUIO_HOST (docs/player-host-api.md)
   before the player starts.
   Launch: reads endpoint, fetch, actor, registration and activityId from the launch URL, POSTs to
   `fetch` once for the auth token (kept in sessionStorage for reloads of the same launch), reads
   LMS.LaunchData (context template, launch mode, returnURL) and the saved player state from the xAPI
   State API. These three start-up requests are synchronous: the host API's loadState() is.
   Statements: initialized, progressed (unit visits), completed (once, Normal mode only, with the moveOn
   category) and terminated, each with the cmi5 context category, the context template, the registration
   and a duration where cmi5 asks for one. Every statement goes into a queue in localStorage first and is
   sent in order; while the LRS is unreachable or failing the queue waits and is retried (backoff, the
   `online` event, the next launch), so nothing is lost offline. The player state is written to the State
   API (stateId "tequio-player-state") the same way. No dependencies. */
(function () {
  'use strict';
  var XAPI_VERSION = '1.0.3', STATE_ID = 'tequio-player-state', LAUNCH_DATA = 'LMS.LaunchData';
  var CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
  var MOVEON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
  var SESSION_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
  var PROGRESS_EXT = 'https://w3id.org/xapi/cmi5/result/extensions/progress';
  var VERBS = {
    initialized: 'http://adlnet.gov/expapi/verbs/initialized',
    progressed: 'http://adlnet.gov/expapi/verbs/progressed',
    completed: 'http://adlnet.gov/expapi/verbs/completed',
    terminated: 'http://adlnet.gov/expapi/verbs/terminated'
  };
  var started = Date.now();
  var host = {
    name: 'cmi5', connected: false, errors: [], messages: [], launchData: null,
    loadState: loadState, saveState: saveState, terminate: terminate, flush: flush, queued: queued
  };
  window.TEQUIO_HOST = host;

  function note(what) {
    host.errors.push(what);
    if (window.console) console.warn('cmi5: ' + what);
  }
  function param(name) {
    var m = new RegExp('[?&]' + name + '=([^&]*)').exec(window.location.search);
    try { return m ? decodeURIComponent(m[1].replace(/\+/g, ' ')) : null; } catch (e) { return null; }
  }
  var endpoint = param('endpoint'), fetchURL = param('fetch'), registration = param('registration');
  var activityId = param('activityId'), actor = null;
  try { actor = JSON.parse(param('actor')); } catch (e) { actor = null; }
  if (!endpoint || !fetchURL || !registration || !activityId || !actor) return;  // not launched by a cmi5 LMS
  if (endpoint.charAt(endpoint.length - 1) !== '/') endpoint += '/';

  var store = null;
  try { store = window.localStorage; } catch (e) { store = null; }
  var QUEUE_KEY = 'tequio:cmi5:queue:' + registration + ':' + activityId;
  var PENDING_STATE_KEY = 'tequio:cmi5:state:' + registration + ':' + activityId;
  var memoryQueue = [];

  function uuid() {
    var b = new Uint8Array(16);
    (window.crypto || window.msCrypto).getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = [];
    for (var i = 0; i < 16; i++) h.push((b[i] + 0x100).toString(16).slice(1));
    return h.slice(0, 4).join('') + '-' + h.slice(4, 6).join('') + '-' + h.slice(6, 8).join('') + '-' + h.slice(8, 10).join('') + '-' + h.slice(10).join('');
  }
  function duration(ms) {
    var cs = Math.floor(ms / 10), h = Math.floor(cs / 360000), m = Math.floor(cs / 6000) % 60, s = (cs % 6000) / 100;
    return 'PT' + (h ? h + 'H' : '') + (h || m ? m + 'M' : '') + s + 'S';
  }
  /* The State API URL of one document, or of the list of this AU's documents when stateId is null. */
  function stateURL(stateId) {
    return endpoint + 'activities/state?' + (stateId ? 'stateId=' + encodeURIComponent(stateId) + '&' : '') +
      'activityId=' + encodeURIComponent(activityId) + '&agent=' + encodeURIComponent(JSON.stringify(actor)) +
      '&registration=' + encodeURIComponent(registration);
  }

  /* ---- Start-up: token, launch data, saved state (synchronous) ---- */
  var token = null, launchData = {}, savedDoc = null;
  function syncRequest(method, url, body, auth) {
    var x = new XMLHttpRequest();
    x.open(method, url, false);
    if (auth) {
      x.setRequestHeader('Authorization', 'Basic ' + token);
      x.setRequestHeader('X-Experience-API-Version', XAPI_VERSION);
    }
    x.send(body || null);
    return x;
  }
  var session = null;
  try { session = window.sessionStorage; } catch (e) { session = null; }
  var tokenKey = 'tequio:cmi5:token:' + fetchURL;
  try {
    token = session && session.getItem(tokenKey);
    if (!token) {
      var t = syncRequest('POST', fetchURL);
      var answer = JSON.parse(t.responseText || '{}');
      if (t.status === 200 && answer['auth-token']) {
        token = answer['auth-token'];
        if (session) session.setItem(tokenKey, token);
      } else {
        note('fetch refused the token: ' + t.status + ' ' + (answer['error-text'] || ''));
      }
    }
    if (token) {
      var ld = syncRequest('GET', stateURL(LAUNCH_DATA), null, true);
      if (ld.status === 200) launchData = JSON.parse(ld.responseText);
      else note('no LMS.LaunchData: ' + ld.status);
      /* The list of this AU's state documents first: asking for a missing one gives a 404, which
         browsers report as an error in the console. */
      var ids = syncRequest('GET', stateURL(null), null, true);
      if (ids.status === 200 && JSON.parse(ids.responseText || '[]').indexOf(STATE_ID) >= 0) {
        var sd = syncRequest('GET', stateURL(STATE_ID), null, true);
        if (sd.status === 200) savedDoc = JSON.parse(sd.responseText);
        else note('cannot read the saved state: ' + sd.status);
      }
    }
  } catch (e) {
    note('the LMS cannot be reached: ' + e);
  }
  host.launchData = launchData;
  host.connected = !!token;
  var template = launchData.contextTemplate || {};
  var sessionId = (template.extensions || {})[SESSION_EXT] || '';
  var normal = (launchData.launchMode || 'Normal') === 'Normal';
  var pendingDoc = null;
  try { pendingDoc = store && JSON.parse(store.getItem(PENDING_STATE_KEY)); } catch (e) { pendingDoc = null; }
  /* A completion recorded offline, not yet written to the LRS, still counts: completed is sent once. */
  var completed = !!(savedDoc && savedDoc.completed || pendingDoc && pendingDoc.completed);
  var visited = Math.max(savedDoc && savedDoc.visited || 0, pendingDoc && pendingDoc.visited || 0);
  /* A reload of a launch that already ended (same session) sends nothing more: cmi5 allows no statement
     after terminated. */
  var endKey = 'tequio:cmi5:terminated:' + registration + ':' + sessionId;
  var terminated = false, leaving = false, lastSummary = null;
  try { terminated = !!(session && session.getItem(endKey)); } catch (e) { terminated = false; }

  /* ---- Statements: queued in localStorage, sent in order ---- */
  function readQueue() {
    if (!store) return memoryQueue;
    try { return JSON.parse(store.getItem(QUEUE_KEY)) || []; } catch (e) { return []; }
  }
  function writeQueue(q) {
    if (!store) { memoryQueue = q; return; }
    try { if (q.length) store.setItem(QUEUE_KEY, JSON.stringify(q)); else store.removeItem(QUEUE_KEY); } catch (e) { memoryQueue = q; }
  }
  function queued() { return readQueue().length; }
  function statement(verb, result, categories) {
    var context = JSON.parse(JSON.stringify(template));
    context.registration = registration;
    context.contextActivities = context.contextActivities || {};
    var cats = context.contextActivities.category || [];
    (categories || []).forEach(function (id) { cats.push({ id: id, objectType: 'Activity' }); });
    if (cats.length) context.contextActivities.category = cats;
    var s = {
      id: uuid(), timestamp: new Date().toISOString(), actor: actor,
      verb: { id: VERBS[verb], display: { 'en-US': verb } },
      object: { id: activityId, objectType: 'Activity' }, context: context
    };
    if (result) s.result = result;
    return s;
  }
  function enqueue(s) {
    var q = readQueue();
    q.push(s);
    writeQueue(q);
  }

  var sending = false, retryTimer = null, backoff = 2000;
  function retryLater() {
    if (retryTimer) return;
    retryTimer = setTimeout(function () { retryTimer = null; flush(); }, backoff);
    backoff = Math.min(backoff * 2, 60000);
  }
  function request(method, url, body, keepalive) {
    return window.fetch(url, {
      method: method, keepalive: !!keepalive, body: body, credentials: 'omit',
      headers: { 'Authorization': 'Basic ' + token, 'X-Experience-API-Version': XAPI_VERSION, 'Content-Type': 'application/json' }
    });
  }
  /* Sends the queued statements (oldest first), then the pending player state. */
  function flush(keepalive) {
    if (!token || sending) return Promise.resolve();
    var q = readQueue(), batch = q.slice(0, 50);
    if (!batch.length) return sendState(keepalive);
    sending = true;
    return request('POST', endpoint + 'statements', JSON.stringify(batch), keepalive).then(function (r) {
      sending = false;
      if (r.ok || (r.status >= 400 && r.status < 500 && r.status !== 401 && r.status !== 403 && r.status !== 408 && r.status !== 429)) {
        if (!r.ok) note('the LRS rejected ' + batch.length + ' statement(s): ' + r.status);
        var rest = readQueue();
        rest.splice(0, batch.length);
        writeQueue(rest);
        backoff = 2000;
        return flush(keepalive);
      }
      retryLater();
    }, function () { sending = false; retryLater(); });
  }
  function sendState(keepalive) {
    var pending = store && store.getItem(PENDING_STATE_KEY);
    if (!pending) return Promise.resolve();
    return request('PUT', stateURL(STATE_ID), pending, keepalive).then(function (r) {
      if (r.ok) { if (store.getItem(PENDING_STATE_KEY) === pending) store.removeItem(PENDING_STATE_KEY); }
      else retryLater();
    }, retryLater);
  }
  window.addEventListener('online', function () { backoff = 2000; flush(); });

  /* ---- Host API ---- */
  function loadState() { return savedDoc && savedDoc.state || null; }

  var stateTimer = null, lastState = savedDoc && savedDoc.state || null;
  function saveState(state, summary) {
    if (summary) lastSummary = summary;
    if (terminated) return;
    if (!token) return;  // not connected to an LMS: the player keeps everything locally
    if (state) lastState = state;
    var doc = { v: 1, state: lastState, completed: completed, visited: visited };
    if (summary && summary.visitedCount > visited && normal) {
      visited = summary.visitedCount;
      doc.visited = visited;
      enqueue(statement('progressed', { extensions: (function (e) { e[PROGRESS_EXT] = Math.round(100 * (Number(summary.progress) || 0)); return e; })({}) }));
    }
    if (summary && summary.completed && !completed && normal) {
      completed = true;
      doc.completed = true;
      enqueue(statement('completed', { completion: true, duration: duration(Date.now() - started) }, [MOVEON, CMI5]));
    }
    if (lastState && store) {
      try { store.setItem(PENDING_STATE_KEY, JSON.stringify(doc)); } catch (e) { /* full: the player keeps its own copy */ }
    }
    clearTimeout(stateTimer);
    stateTimer = setTimeout(flush, 1000);
  }

  /* Returns true once the AU session has ended (its terminated statement is queued or sent). */
  function terminate(summary) {
    if (terminated || !token) return terminated;
    if (summary) saveState(null, summary);
    terminated = true;
    try { if (session) session.setItem(endKey, '1'); } catch (e) { /* private mode */ }
    enqueue(statement('terminated', { duration: duration(Date.now() - started) }, [CMI5]));
    var done = flush(true);
    var back = launchData.returnURL;
    if (back && !leaving) {
      /* The participant pressed "finish": go back to the LMS once the statements are out (or after 3 s). */
      var go = function () { window.location.assign(back); };
      Promise.race([done, new Promise(function (r) { setTimeout(r, 3000); })]).then(go, go);
    }
    return true;
  }
  window.addEventListener('pagehide', function () { leaving = true; terminate(lastSummary); });

  /* ---- Session start: initialized once per launch session ---- */
  var initKey = 'tequio:cmi5:initialized:' + registration + ':' + sessionId;
  var already = false;
  try { already = !!(session && session.getItem(initKey)); } catch (e) { already = false; }
  if (token && !already) {
    enqueue(statement('initialized', null, [CMI5]));
    try { if (session) session.setItem(initKey, '1'); } catch (e) { /* private mode */ }
  }
  flush();
})();
