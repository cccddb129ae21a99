/* A fake SCORM LMS for tests: window.API (SCORM 1.2) or window.API_1484_11 (SCORM 2004 4th Edition),
   chosen by <html data-scorm="12|2004">. It enforces the run-time data model as the standards define it
   (read-only / write-only elements, vocabularies, data types, the smallest permitted maximums, the call
   order), records every call in window.lms.calls with the error code it produced, and keeps committed
   data in localStorage ("fakelms:<version>") so a relaunch sees the previous session, as an LMS would.
   Page parameters: ?window=1 launches the package in a new window (a click on #launch) instead of the
   iframe; ?reset=1 forgets the stored data first; ?page=x.html launches another page of the package
   than index.html.
   Lax modes, as real runtimes behave (measured with wagtail-lms 0.11.1 and scormhost 0.1.0):
   - ?entry=ab-initio: cmi.core.entry / cmi.entry is "ab-initio" on every launch, though the data of the
     last session (suspend_data, location, status; interactions in 2004) is still handed back;
   - ?nofinish=1: the API object has no LMSFinish (Terminate in 2004); data is kept by LMSCommit only;
   - ?as12=1 (scorm2004.html): API_1484_11 is the SCORM 1.2 object (LMSInitialize, ...), as window.API;
   - ?parallel=1: every SetValue is a request of its own that reaches the "server" later: a write sent while
     an earlier one of the same element is still under way overtakes it (10 ms against 300 ms), so the
     earlier value lands last. Only what has landed is stored (LMSCommit and LMSFinish store nothing more);
     window.lms.inflight() counts the writes under way. */
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var version = params.get('as12') ? '12' : document.documentElement.getAttribute('data-scorm');
  var lax = params.get('entry') === 'ab-initio', parallel = !!params.get('parallel');
  var KEY = 'fakelms:' + version;
  if (params.get('reset')) localStorage.removeItem(KEY);
  var stored = JSON.parse(localStorage.getItem(KEY) || 'null');

  var lms = window.lms = { version: version, calls: [], sessions: stored ? stored.sessions : 0, stored: stored };
  var state = 'new';            // new -> running -> finished
  var lastError = '0';
  var data = {};                // element -> value (what the SCO sees this session)

  /* ---- value checks ---- */
  var re = {
    timespan12: /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/,
    decimal: /^-?\d+(\.\d+)?$/,
    duration: /^P(?!$)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/,
    time: /^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2}(\.\d{1,2})?)?)?)?)?)?(Z|[+-]\d{2}(:\d{2})?)?$/,
    uri: /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/,
    langPrefix: /^\{lang=([A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)?\}/
  };
  function maxLen(n) { return function (v) { return v.length <= n; }; }
  function vocab(list) { return function (v) { return list.indexOf(v) >= 0; }; }
  function localized(n) {
    return function (v) {
      if (v.charAt(0) === '{' && v.indexOf('{lang=') === 0 && !re.langPrefix.test(v)) return false;
      return v.length <= n;
    };
  }

  /* access: r, w, rw. check(value) -> true, or an error code string. */
  var model12 = {
    'cmi.core._children': { a: 'r' }, 'cmi.core.student_id': { a: 'r' }, 'cmi.core.student_name': { a: 'r' },
    'cmi.core.lesson_location': { a: 'rw', ok: maxLen(255) },
    'cmi.core.credit': { a: 'r' },
    'cmi.core.lesson_status': { a: 'rw', ok: vocab(['passed', 'completed', 'failed', 'incomplete', 'browsed']) },
    'cmi.core.entry': { a: 'r' },
    'cmi.core.score._children': { a: 'r' },
    'cmi.core.score.raw': { a: 'rw', ok: function (v) { return v === '' || re.decimal.test(v) && +v >= 0 && +v <= 100; } },
    'cmi.core.total_time': { a: 'r' }, 'cmi.core.lesson_mode': { a: 'r' },
    'cmi.core.exit': { a: 'w', ok: vocab(['time-out', 'suspend', 'logout', '']) },
    'cmi.core.session_time': { a: 'w', ok: function (v) { return re.timespan12.test(v); } },
    'cmi.suspend_data': { a: 'rw', ok: maxLen(4096) },
    'cmi.launch_data': { a: 'r' },
    'cmi.comments': { a: 'rw', ok: maxLen(4096) }, 'cmi.comments_from_lms': { a: 'r' }
  };
  var model2004 = {
    'cmi._version': { a: 'r' },
    'cmi.completion_status': { a: 'rw', ok: vocab(['completed', 'incomplete', 'not attempted', 'unknown']) },
    'cmi.success_status': { a: 'rw', ok: vocab(['passed', 'failed', 'unknown']) },
    'cmi.progress_measure': { a: 'rw', ok: function (v) { return re.decimal.test(v) && (+v >= 0 && +v <= 1 || '407'); } },
    'cmi.completion_threshold': { a: 'r' }, 'cmi.entry': { a: 'r' },
    'cmi.exit': { a: 'w', ok: vocab(['time-out', 'suspend', 'logout', 'normal', '']) },
    'cmi.location': { a: 'rw', ok: maxLen(1000) },
    'cmi.suspend_data': { a: 'rw', ok: maxLen(64000) },
    'cmi.session_time': { a: 'w', ok: function (v) { return re.duration.test(v); } },
    'cmi.total_time': { a: 'r' }, 'cmi.mode': { a: 'r' }, 'cmi.credit': { a: 'r' },
    'cmi.learner_id': { a: 'r' }, 'cmi.learner_name': { a: 'r' }, 'cmi.launch_data': { a: 'r' },
    'cmi.score.scaled': { a: 'rw', ok: function (v) { return re.decimal.test(v) && (+v >= -1 && +v <= 1 || '407'); } },
    'cmi.interactions._children': { a: 'r' }, 'cmi.interactions._count': { a: 'r' }
  };
  var interactionModel = {
    id: { ok: function (v) { return v.length <= 4000 && re.uri.test(v); } },
    type: { ok: vocab(['true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other']) },
    timestamp: { ok: function (v) { return re.time.test(v); } },
    description: { ok: localized(250) },
    learner_response: { ok: function (v, it) { return it.type === 'long-fill-in' ? localized(4000)(v) : it.type === 'fill-in' ? v.length <= 250 : v.length <= 4000; } },
    result: { ok: vocab(['correct', 'incorrect', 'unanticipated', 'neutral']) },
    latency: { ok: function (v) { return re.duration.test(v); } },
    weighting: { ok: function (v) { return re.decimal.test(v); } }
  };
  var interactions = [];

  /* ---- a session's starting data ---- */
  var now = new Date().toISOString();
  if (version === '12') {
    var s12 = stored || {};
    data = {
      'cmi.core._children': 'student_id,student_name,lesson_location,credit,lesson_status,entry,score,total_time,lesson_mode,exit,session_time',
      'cmi.core.student_id': 'learner-1', 'cmi.core.student_name': 'Pérez, Ana',
      'cmi.core.lesson_location': s12.location || '', 'cmi.core.credit': 'credit',
      'cmi.core.lesson_status': s12.status || 'not attempted',
      'cmi.core.entry': !stored || lax ? 'ab-initio' : s12.exit === 'suspend' ? 'resume' : '',
      'cmi.core.score._children': 'raw,min,max', 'cmi.core.score.raw': '',
      'cmi.core.total_time': s12.total || '0000:00:00.00', 'cmi.core.lesson_mode': 'normal',
      'cmi.suspend_data': s12.suspend || '', 'cmi.launch_data': '', 'cmi.comments': '', 'cmi.comments_from_lms': ''
    };
  } else {
    /* A session that ended with exit "suspend" resumes the attempt; any other exit starts a new one. */
    /* A lax LMS hands back the last data whatever the exit was, and says "ab-initio". */
    var resume = stored && stored.exit === 'suspend';
    var s04 = resume || lax && stored ? stored : {};
    data = {
      'cmi._version': '1.0', 'cmi.completion_status': s04.completion || 'unknown', 'cmi.success_status': 'unknown',
      'cmi.entry': resume && !lax ? 'resume' : 'ab-initio', 'cmi.total_time': 'PT0S', 'cmi.mode': 'normal', 'cmi.credit': 'credit',
      'cmi.learner_id': 'learner-1', 'cmi.learner_name': 'Pérez, Ana', 'cmi.launch_data': '',
      'cmi.interactions._children': 'id,type,objectives,timestamp,correct_responses,weighting,learner_response,result,latency,description'
    };
    if (s04.progress != null) data['cmi.progress_measure'] = s04.progress;
    if (s04.location != null) data['cmi.location'] = s04.location;
    if (s04.suspend != null) data['cmi.suspend_data'] = s04.suspend;
    interactions = (s04.interactions || []).map(function (i) { return Object.assign({}, i); });
  }
  lms.data = data;
  lms.interactions = interactions;

  function record(fn, args, result) {
    lms.calls.push({ fn: fn, args: args, result: String(result), error: lastError, t: Date.now() - lms.start });
    return String(result);
  }
  function fail(code) { lastError = code; return 'false'; }

  var server = Object.assign({}, data), inflight = {};     // ?parallel=1: what has reached the server
  lms.server = server;
  lms.inflight = function () { var n = 0; for (var k in inflight) n += inflight[k]; return n; };
  function send(name, value) {
    var slow = !inflight[name];
    inflight[name] = (inflight[name] || 0) + 1;
    setTimeout(function () {
      inflight[name]--;
      server[name] = value;
      lms.landed = (lms.landed || []).concat([[name, value]]);
      persist(server);
    }, slow ? 300 : 10);
  }

  function persist(src) {
    var data = src || lms.data, out;
    if (version === '12') {
      out = { sessions: lms.sessions, status: data['cmi.core.lesson_status'], location: data['cmi.core.lesson_location'],
        suspend: data['cmi.suspend_data'], exit: data['cmi.core.exit'], sessionTimes: (stored && stored.sessionTimes || []).concat(data['cmi.core.session_time'] ? [data['cmi.core.session_time']] : []) };
    } else {
      out = { sessions: lms.sessions, completion: data['cmi.completion_status'], progress: data['cmi.progress_measure'],
        location: data['cmi.location'], suspend: data['cmi.suspend_data'], exit: data['cmi.exit'], interactions: interactions,
        sessionTimes: (stored && stored.sessionTimes || []).concat(data['cmi.session_time'] ? [data['cmi.session_time']] : []) };
    }
    localStorage.setItem(KEY, JSON.stringify(out));
    lms.committed = out;
  }

  /* ---- element access shared by both versions ---- */
  var INTER = /^cmi\.interactions\.(\d+)\.([a-z_]+)$/;
  function getElement(name) {
    var model = version === '12' ? model12 : model2004;
    if (version === '2004') {
      if (name === 'cmi.interactions._count') return String(interactions.length);
      var m = INTER.exec(name);
      if (m) {
        var it = interactions[+m[1]];
        if (!interactionModel[m[2]]) return { error: '401' };
        if (!it) return { error: '301' };
        return it[m[2]] == null ? { error: '403' } : it[m[2]];
      }
    } else if (/^cmi\.interactions\./.test(name)) {
      return { error: '401' };
    }
    var def = model[name];
    if (!def) return { error: '401' };
    if (def.a === 'w') return { error: version === '12' ? '404' : '405' };
    if (data[name] == null) return version === '12' ? '' : { error: '403' };
    return data[name];
  }
  function setElement(name, value) {
    var model = version === '12' ? model12 : model2004, typeError = version === '12' ? '405' : '406';
    if (version === '2004') {
      var m = INTER.exec(name);
      if (m) {
        var n = +m[1], field = m[2], it = interactions[n], def = interactionModel[field];
        if (!def) return '401';
        if (n > interactions.length) return '351';
        if (!it) {
          if (field !== 'id') return '408';
          it = interactions[n] = {};
        } else if (field !== 'id' && it.id == null) return '408';
        if ((field === 'learner_response') && !it.type) return '408';
        var r = def.ok(value, it);
        if (r !== true) return r || typeError;
        it[field] = value;
        return '0';
      }
      if (name === 'cmi.interactions._count' || name === 'cmi.interactions._children') return '404';
    } else if (/^cmi\.interactions\./.test(name)) {
      return '401';
    }
    var d = model[name];
    if (!d) return /\._(children|count|version)$/.test(name) ? (version === '12' ? '402' : '404') : '401';
    if (d.a === 'r') return version === '12' ? '403' : '404';
    var ok = d.ok ? d.ok(value) : true;
    if (ok !== true) return ok || typeError;
    data[name] = value;
    return '0';
  }

  function init(fn) {
    return function (arg) {
      if (arg !== '') { lastError = '201'; return record(fn, [arg], 'false'); }
      if (state === 'running') return record(fn, [arg], fail(version === '12' ? '101' : '103'));
      if (state === 'finished') return record(fn, [arg], fail(version === '12' ? '101' : '104'));
      state = 'running'; lastError = '0'; lms.sessions++;
      return record(fn, [arg], 'true');
    };
  }
  function finish(fn) {
    return function (arg) {
      if (arg !== '') { lastError = '201'; return record(fn, [arg], 'false'); }
      if (state !== 'running') return record(fn, [arg], fail(version === '12' ? '301' : state === 'new' ? '112' : '113'));
      state = 'finished'; lastError = '0';
      if (!parallel) persist();
      return record(fn, [arg], 'true');
    };
  }
  function getValue(fn) {
    return function (name) {
      if (state !== 'running') return record(fn, [name], (lastError = version === '12' ? '301' : state === 'new' ? '122' : '123', ''));
      var v = getElement(String(name));
      if (v && typeof v === 'object') { lastError = v.error; return record(fn, [name], ''); }
      lastError = '0';
      return record(fn, [name], v);
    };
  }
  function setValue(fn) {
    return function (name, value) {
      if (state !== 'running') return record(fn, [name, value], fail(version === '12' ? '301' : state === 'new' ? '132' : '133'));
      if (typeof value !== 'string') return record(fn, [name, value], fail(version === '12' ? '405' : '406'));
      var code = setElement(String(name), value);
      if (code !== '0') return record(fn, [name, value], fail(code));
      lastError = '0';
      if (parallel) send(String(name), value);
      return record(fn, [name, value], 'true');
    };
  }
  function commit(fn) {
    return function (arg) {
      if (arg !== '') { lastError = '201'; return record(fn, [arg], 'false'); }
      if (state !== 'running') return record(fn, [arg], fail(version === '12' ? '301' : state === 'new' ? '142' : '143'));
      lastError = '0';
      if (!parallel) persist();
      return record(fn, [arg], 'true');
    };
  }
  var messages = { '0': 'No error', '101': 'General exception', '201': 'Invalid argument', '301': 'Not initialized / general get failure',
    '351': 'General set failure', '401': 'Not implemented / undefined element', '402': 'Invalid set value, element is a keyword / unimplemented',
    '403': 'Element is read only / value not initialized', '404': 'Element is write only / read only', '405': 'Incorrect data type / write only',
    '406': 'Type mismatch', '407': 'Value out of range', '408': 'Dependency not established' };
  var errorString = function (code) { return messages[String(code)] || 'Unknown error'; };

  if (version === '12') {
    window.API = {
      LMSInitialize: init('LMSInitialize'), LMSFinish: finish('LMSFinish'), LMSGetValue: getValue('LMSGetValue'),
      LMSSetValue: setValue('LMSSetValue'), LMSCommit: commit('LMSCommit'),
      LMSGetLastError: function () { return lastError; }, LMSGetErrorString: errorString, LMSGetDiagnostic: errorString
    };
    if (params.get('nofinish')) delete window.API.LMSFinish;
    if (params.get('as12')) window.API_1484_11 = window.API;
  } else {
    window.API_1484_11 = {
      Initialize: init('Initialize'), Terminate: finish('Terminate'), GetValue: getValue('GetValue'),
      SetValue: setValue('SetValue'), Commit: commit('Commit'),
      GetLastError: function () { return lastError; }, GetErrorString: errorString, GetDiagnostic: errorString
    };
    if (params.get('nofinish')) delete window.API_1484_11.Terminate;
  }

  /* Every call that the LMS refused: what a test asserts is empty. Reading a suspend_data that a first
     attempt has not got yet (2004: 403 "not initialized") is an answer, not a refusal: the SCO reads it
     whatever cmi.entry says. */
  lms.rejected = function () {
    return lms.calls.filter(function (c) {
      return c.error !== '0' && !(c.fn === 'GetValue' && c.error === '403' && c.args[0] === 'cmi.suspend_data');
    });
  };
  lms.start = Date.now();

  var page = params.get('page') || 'index.html';
  var target = document.documentElement.getAttribute('data-package') + (/^[\w.-]+$/.test(page) ? page : 'index.html');
  function launch() {
    if (params.get('window')) {
      var b = document.getElementById('launch');
      b.hidden = false;
      b.addEventListener('click', function () { lms.child = window.open(target, 'sco'); });
    } else {
      var f = document.getElementById('sco');
      f.hidden = false;
      f.src = target;
    }
  }
  document.addEventListener('DOMContentLoaded', launch);
})();
