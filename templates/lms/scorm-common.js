/* Tequio SCORM runtime, the part SCORM 1.2 and SCORM 2004 share. Defines window.TequioSCORM(dialect),
   which runtime-scorm12.js and runtime-scorm2004.js call with their dialect: the API object's name, the
   method names, the data-model element names, the limits and the session-time formatter. It finds the
   LMS's API object, starts the session and installs window.TEQUIO_HOST (docs/player-host-api.md).
   - state: cmi.suspend_data as {"v":1,"s":state}. A larger state is never cut inside a text: whole
     entries are left out (the last matrix rows first) until it fits, the participant is told to download
     the matrix, and the full state stays in the browser and in the export file.
   - the exit element stays "suspend" until the module is complete.
   No dependencies; every LMS call is checked and a refusal is recorded in TEQUIO_HOST.errors. */
(function () {
  'use strict';
  window.TequioSCORM = function (d) {
    var COMMIT_DELAY = 1500, m = d.methods, el = d.elements;
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
      name: d.name, connected: false, errors: [], messages: [], partial: false,
      loadState: loadState, saveState: saveState, terminate: terminate
    };
    var active = false, finished = false, completed = false, warned = false;
    var last = {}, commitTimer = null, lastSummary = null, initial = null;

    function error(call) {
      var code = '';
      try { code = String(api[m.getLastError]()); } catch (e) { code = '?'; }
      var text = '';
      try { text = String(api[m.getErrorString](code)); } catch (e) { text = ''; }
      host.errors.push({ call: call, code: code, text: text });
      if (window.console) console.warn(d.label + ': ' + call + ' failed (' + code + ' ' + text + ')');
    }
    function get(name) {
      var v = String(api[m.getValue](name));
      return String(api[m.getLastError]()) === '0' ? v : '';
    }
    function set(name, value) {
      value = String(value);
      if (last[name] === value) return true;
      if (String(api[m.setValue](name, value)) !== 'true') { error(m.setValue + ' ' + name); return false; }
      last[name] = value;
      if (!commitTimer) commitTimer = setTimeout(commit, COMMIT_DELAY);
      return true;
    }
    function commit() {
      clearTimeout(commitTimer); commitTimer = null;
      if (active && String(api[m.commit]('')) !== 'true') error(m.commit);
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

    function saveState(state, summary) {
      if (summary) lastSummary = summary;
      if (!active) return;
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

    function terminate(summary) {
      if (summary) saveState(null, summary);
      if (!active || finished) return;
      finished = true;
      set(el.sessionTime, d.sessionTime(Date.now() - started));
      set(el.exit, completed ? d.exitDone : 'suspend');
      commit();
      active = false;
      if (String(api[m.terminate]('')) !== 'true') error(m.terminate);
    }

    if (api) {
      if (String(api[m.initialize]('')) === 'true') {
        active = true;
        host.connected = true;
        var status = get(el.status);
        completed = d.doneStatuses.indexOf(status) >= 0;
        /* A first attempt has no suspend_data or location yet: reading them would only return an error. */
        if (get(el.entry) !== 'ab-initio') {
          initial = get(el.suspendData) || null;
          last[el.location] = get(el.location);
        }
        last[el.suspendData] = initial || '';
        if (d.onInitialize) d.onInitialize();
        if (!completed && status !== 'incomplete') set(el.status, 'incomplete');
        set(el.exit, completed ? d.exitDone : 'suspend');
        commit();
      } else {
        error(m.initialize);
      }
    }
    /* A safety net if the page goes away without the player calling terminate. */
    window.addEventListener('pagehide', function () { terminate(lastSummary); });
    window.TEQUIO_HOST = host;
    return host;
  };
})();
