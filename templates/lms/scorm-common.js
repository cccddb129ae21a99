/* Tequio SCORM runtime, the part SCORM 1.2 and SCORM 2004 share. Defines window.TequioSCORM(dialect),
   which runtime-scorm12.js and runtime-scorm2004.js call with their dialect: the API object's name, the
   method names, the data-model element names, the limits and the session-time formatter. It finds the
   LMS's API object, starts the session and installs window.TEQUIO_HOST (docs/player-host-api.md).
   - state: cmi.suspend_data as {"v":1,"s":state}. A larger state is never cut inside a text: whole
     entries are left out (the last matrix rows first) until it fits, the participant is told to download
     the matrix, and the full state stays in the browser and in the export file.
   - a non-empty suspend_data is read whatever cmi.entry says: some LMSes answer "ab-initio" on every
     launch, even after exit "suspend" (the player merges it with its own copy: docs/lms-guide.md).
   - saves are debounced: the player calls saveState on every keystroke, the LMS gets the latest state
     SAVE_DELAY ms after the last one (at the latest SAVE_MAX ms after the first unsaved one), and at
     once when the page is hidden, left or finished. Some LMSes send every SetValue as its own request,
     in parallel: one write per second cannot overtake another.
   - the exit element stays "suspend" until the module is complete.
   No dependencies. Every LMS call goes through call(): a method the API object lacks, one that throws or
   refuses is recorded in TEQUIO_HOST.errors and warned about on the console, never thrown. An API object
   without the dialect's initialize, get and set methods (one LMS puts its SCORM 1.2 object under the
   SCORM 2004 name) is no LMS: the player keeps everything in the browser. */
(function () {
  'use strict';
  window.TequioSCORM = function (d) {
    var SAVE_DELAY = 1000, SAVE_MAX = 10000, m = d.methods, el = d.elements;
    var started = Date.now();

    /* The ADL discovery algorithm: this window and its parents, then the opener and its parents. */
    function findIn(win) {
      for (var tries = 0; win && tries < 500; tries++) {
        try { if (win[d.apiName]) return win[d.apiName]; } catch (e) { /* a cross-origin frame: keep climbing */ }
        var up = null;
        try { up = win.parent; } catch (e) { up = null; }
        if (!up || up === win) break;
        win = up;
      }
      return null;
    }
    function discover() {
      var api = findIn(window);
      if (!api) { try { if (window.opener) api = findIn(window.opener); } catch (e) { api = null; } }
      return api;
    }

    var api = discover();
    var host = {
      name: d.name, connected: false, ended: false, errors: [], messages: [], partial: false,
      loadState: loadState, saveState: saveState, terminate: terminate, flush: flush,
      pending: function () { return !!pending; }
    };
    var active = false, finished = false, completed = false, warned = false;
    var last = {}, lastSummary = null, initial = null;
    var pending = null, saveTimer = null, firstPending = 0;

    function note(call, code, text) {
      host.errors.push({ call: call, code: code, text: text });
      if (window.console) console.warn(d.label + ': ' + call + ' failed (' + code + (text ? ' ' + text : '') + ')');
    }
    /* One LMS call: the method's answer as a string, or null when the API object has no such method or
       the method throws (recorded, never thrown). */
    function call(method, a, b) {
      if (!api || typeof api[method] !== 'function') { note(method, 'missing', 'the LMS API has no ' + method); return null; }
      try { return String(b === undefined ? api[method](a) : api[method](a, b)); } catch (e) { note(method, 'exception', String(e)); return null; }
    }
    function quiet(method, a) {
      try { return api && typeof api[method] === 'function' ? String(api[method](a)) : ''; } catch (e) { return ''; }
    }
    function error(what) {
      var code = quiet(m.getLastError) || '?';
      note(what, code, quiet(m.getErrorString, code));
    }
    function get(name) {
      var v = call(m.getValue, name);
      return v !== null && quiet(m.getLastError) === '0' ? v : '';
    }
    function set(name, value) {
      value = String(value);
      if (last[name] === value) return true;
      var r = call(m.setValue, name, value);
      if (r !== 'true') { if (r !== null) error(m.setValue + ' ' + name); return false; }
      last[name] = value;
      return true;
    }
    function commit() {
      if (!active) return;
      var r = call(m.commit, '');
      if (r !== null && r !== 'true') error(m.commit);
    }

    /* The state as suspend_data: {"v":1,"s":state}, or with "p":1 and entries left out when it does not
       fit. Entries go from the end of the largest array that holds no arrays itself (matrix rows), then
       (if the dialect says so) the longest texts are emptied: nothing is ever cut in the middle. */
    function envelope(state, partial) {
      return JSON.stringify(partial ? { v: 1, p: 1, s: state } : { v: 1, s: state });
    }
    function leafArrays(value, out) {
      if (Array.isArray(value)) {
        var nested = false;
        for (var i = 0; i < value.length; i++) if (value[i] && typeof value[i] === 'object') nested = leafArrays(value[i], out) || nested;
        if (!nested && value.length) out.push(value);
        return true;
      }
      if (value && typeof value === 'object') {
        var any = false;
        for (var k in value) if (value[k] && typeof value[k] === 'object') any = leafArrays(value[k], out) || any;
        return any;
      }
      return false;
    }
    function longestText(value, best) {
      if (value && typeof value === 'object') {
        for (var k in value) {
          var v = value[k];
          if (typeof v === 'string' && v.length > 16 && (!best.o || v.length > best.o[best.k].length) && k !== 'savedAt') { best.o = value; best.k = k; }
          else if (v && typeof v === 'object') longestText(v, best);
        }
      }
      return best;
    }
    function fit(state, limit) {
      var text = envelope(state, false);
      if (text.length <= limit) return { text: text, partial: false };
      var copy = JSON.parse(JSON.stringify(state));
      for (var guard = 0; guard < 100000; guard++) {
        var arrays = [], biggest = null, size = 0;
        leafArrays(copy, arrays);
        for (var i = 0; i < arrays.length; i++) {
          var n = JSON.stringify(arrays[i]).length;
          if (n > size) { size = n; biggest = arrays[i]; }
        }
        if (biggest) biggest.pop();
        else {
          var t = d.emptyTexts ? longestText(copy, {}) : {};
          if (!t.o) break;
          t.o[t.k] = '';
        }
        text = envelope(copy, true);
        if (text.length <= limit) return { text: text, partial: true };
      }
      return { text: envelope({ savedAt: state && state.savedAt }, true), partial: true };
    }

    function tell(level, es, en) {
      var detail = { level: level, text: d.lang().slice(0, 2) === 'es' ? es : en };
      host.messages.push(detail);
      try { document.dispatchEvent(new CustomEvent('tequio:message', { detail: detail })); } catch (e) { /* old browser */ }
    }

    function loadState() {
      if (!initial) return null;
      try {
        var env = JSON.parse(initial);
        return env && env.v === 1 && env.s ? env.s : null;
      } catch (e) { return null; }
    }

    function complete(summary) {
      if (summary && summary.completed && !completed) {
        completed = true;
        set(el.status, 'completed');
      }
    }

    /* What a dialect's hooks may use (given to d.attach before the session starts). */
    var rt = { get: get, set: set, last: last, complete: complete };
    if (d.attach) d.attach(rt);

    /* Called by the player on every save: keeps the latest state and summary for flush(). */
    function saveState(state, summary) {
      if (summary) lastSummary = summary;
      if (!active) return;
      pending = { state: state || (pending && pending.state) || null, summary: summary || (pending && pending.summary) || null };
      var now = Date.now();
      if (!firstPending) firstPending = now;
      clearTimeout(saveTimer);
      saveTimer = setTimeout(flush, Math.max(0, Math.min(SAVE_DELAY, firstPending + SAVE_MAX - now)));
    }
    /* Writes what saveState kept, then commits. Returns whether there was anything to write. */
    function flush() {
      clearTimeout(saveTimer);
      saveTimer = null; firstPending = 0;
      var p = pending;
      pending = null;
      if (!p || !active) return false;
      write(p.state, p.summary);
      commit();
      return true;
    }
    function write(state, summary) {
      if (summary && summary.unitIndex != null && String(summary.unitIndex).length <= d.maxLocation) set(el.location, String(summary.unitIndex));
      if (summary && d.beforeState) d.beforeState(summary);
      if (state) {
        var f = fit(state, d.maxSuspend);
        host.partial = f.partial;
        set(el.suspendData, f.text);
        if (f.partial && !warned) {
          warned = true;
          tell('warning', d.partialWarning.es, d.partialWarning.en);
        }
        if (summary && d.afterState) d.afterState(summary);
      }
      complete(summary);
    }

    /* Ends the session: the last state, the session time and the exit, a commit, then the dialect's
       terminate method. Returns true only when the LMS ended the session (host.ended): an LMS without
       that method still gets everything committed, but the session is not said to be over. */
    function terminate(summary) {
      if (summary) saveState(null, summary);
      if (!active || finished) return host.ended;
      flush();
      finished = true;
      set(el.sessionTime, d.sessionTime(Date.now() - started));
      set(el.exit, completed ? d.exitDone : 'suspend');
      commit();
      active = false;
      var r = call(m.terminate, '');
      if (r === 'true') host.ended = true;
      else if (r !== null) error(m.terminate);
      return host.ended;
    }

    var usable = api && [m.initialize, m.getValue, m.setValue].every(function (f) { return typeof api[f] === 'function'; });
    if (api && !usable) {
      note(m.initialize, 'missing', 'the ' + d.apiName + ' object is not a ' + d.label + ' API: working without the LMS');
      api = null;
    }
    if (api) {
      if (call(m.initialize, '') === 'true') {
        active = true;
        host.connected = true;
        var status = get(el.status);
        completed = d.doneStatuses.indexOf(status) >= 0;
        /* Read whatever cmi.entry says: an LMS that always answers "ab-initio" still hands back the
           suspend_data of the last session. A first attempt just has none. */
        initial = get(el.suspendData) || null;
        if (initial || get(el.entry) !== 'ab-initio') last[el.location] = get(el.location);
        last[el.suspendData] = initial || '';
        if (d.onInitialize) d.onInitialize();
        if (!completed && status !== 'incomplete') set(el.status, 'incomplete');
        set(el.exit, completed ? d.exitDone : 'suspend');
        commit();
      } else {
        error(m.initialize);
      }
    }
    /* The state goes out at once when the page is hidden (the tab is closed or put in the background),
       and the session ends if the page goes away without the player calling terminate. */
    document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') flush(); });
    window.addEventListener('pagehide', function () { terminate(lastSummary); });
    window.TEQUIO_HOST = host;
    return host;
  };
})();
