/* Tequio SCORM 1.2 runtime. Finds the LMS's API object, starts the session and installs
   window.TEQUIO_HOST (docs/player-host-api.md) before the player starts.
   - progress: cmi.core.lesson_location (unit index), cmi.core.lesson_status incomplete -> completed
   - state: cmi.suspend_data, at most 4,096 characters. A larger state is never cut inside a text: whole
     entries are left out (the last matrix rows first) until it fits, the participant is told to download
     the matrix, and the full state stays in the browser and in the export file.
   - cmi.core.exit stays "suspend" until the module is complete; cmi.core.session_time as HHHH:MM:SS.SS.
   No dependencies; every LMS call is checked and a refusal is recorded in TEQUIO_HOST.errors. */
(function () {
  'use strict';
  var MAX_SUSPEND = 4096, MAX_LOCATION = 255, COMMIT_DELAY = 1500;
  var started = Date.now();

  /* The ADL discovery algorithm: this window and its parents, then the opener and its parents. */
  function findIn(win) {
    for (var tries = 0; win && tries < 500; tries++) {
      try { if (win.API) return win.API; } catch (e) { /* a cross-origin frame: keep climbing */ }
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
    name: 'scorm12', connected: false, errors: [], messages: [], partial: false,
    loadState: loadState, saveState: saveState, terminate: terminate
  };
  var active = false, finished = false, completed = false, warned = false;
  var last = {}, commitTimer = null, lastSummary = null, initial = null;

  function error(call) {
    var code = '';
    try { code = String(api.LMSGetLastError()); } catch (e) { code = '?'; }
    var text = '';
    try { text = String(api.LMSGetErrorString(code)); } catch (e) { text = ''; }
    host.errors.push({ call: call, code: code, text: text });
    if (window.console) console.warn('SCORM 1.2: ' + call + ' failed (' + code + ' ' + text + ')');
  }
  function get(name) {
    var v = String(api.LMSGetValue(name));
    var code = String(api.LMSGetLastError());
    return code === '0' ? v : '';
  }
  function set(name, value) {
    value = String(value);
    if (last[name] === value) return true;
    if (String(api.LMSSetValue(name, value)) !== 'true') { error('LMSSetValue ' + name); return false; }
    last[name] = value;
    scheduleCommit();
    return true;
  }
  function commit() {
    clearTimeout(commitTimer); commitTimer = null;
    if (active && String(api.LMSCommit('')) !== 'true') error('LMSCommit');
  }
  function scheduleCommit() {
    if (!commitTimer) commitTimer = setTimeout(commit, COMMIT_DELAY);
  }

  /* HHHH:MM:SS.SS (CMITimespan). */
  function timespan(ms) {
    var cs = Math.floor(ms / 10), h = Math.min(9999, Math.floor(cs / 360000));
    var m = Math.floor(cs / 6000) % 60, s = Math.floor(cs / 100) % 60, f = cs % 100;
    var two = function (n) { return (n < 10 ? '0' : '') + n; };
    return (h < 10 ? '0' : '') + h + ':' + two(m) + ':' + two(s) + '.' + two(f);
  }

  /* The state as suspend_data: {"v":1,"s":state}, or with "p":1 and entries left out when it does not
     fit. Entries go from the end of the largest array that holds no arrays itself (matrix rows), then
     the longest texts are emptied: nothing is ever cut in the middle. */
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
      var arrays = [];
      leafArrays(copy, arrays);
      var biggest = null, size = 0;
      for (var i = 0; i < arrays.length; i++) {
        var n = JSON.stringify(arrays[i]).length;
        if (n > size) { size = n; biggest = arrays[i]; }
      }
      if (biggest) biggest.pop();
      else {
        var t = longestText(copy, {});
        if (!t.o) break;
        t.o[t.k] = '';
      }
      text = envelope(copy, true);
      if (text.length <= limit) return { text: text, partial: true };
    }
    return { text: envelope({ savedAt: state && state.savedAt }, true), partial: true };
  }

  function tell(level, es, en) {
    var lang = (document.documentElement.lang || '').slice(0, 2) === 'es' ? 'es' : 'en';
    var detail = { level: level, text: lang === 'es' ? es : en };
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

  function saveState(state, summary) {
    if (summary) lastSummary = summary;
    if (!active) return;
    if (summary && summary.unitIndex != null) {
      var loc = String(summary.unitIndex);
      if (loc.length <= MAX_LOCATION) set('cmi.core.lesson_location', loc);
    }
    if (state) {
      var f = fit(state, MAX_SUSPEND);
      host.partial = f.partial;
      set('cmi.suspend_data', f.text);
      if (f.partial && !warned) {
        warned = true;
        tell('warning',
          'Su plataforma de aprendizaje (LMS) solo puede guardar una parte de la matriz. Todo sigue guardado en este navegador: use «Descargar mi matriz» para conservarla completa.',
          'Your learning platform (LMS) can only keep part of the matrix. Everything is still saved in this browser: use “Download my matrix” to keep all of it.');
      }
    }
    if (summary && summary.completed && !completed) {
      completed = true;
      set('cmi.core.lesson_status', 'completed');
    }
  }

  function terminate(summary) {
    if (summary) saveState(null, summary);
    if (!active || finished) return;
    finished = true;
    set('cmi.core.session_time', timespan(Date.now() - started));
    set('cmi.core.exit', completed ? '' : 'suspend');
    commit();
    active = false;
    if (String(api.LMSFinish('')) !== 'true') error('LMSFinish');
  }

  if (api) {
    if (String(api.LMSInitialize('')) === 'true') {
      active = true;
      host.connected = true;
      var status = get('cmi.core.lesson_status');
      completed = status === 'completed' || status === 'passed';
      if (get('cmi.core.entry') !== 'ab-initio') {
        initial = get('cmi.suspend_data') || null;
        last['cmi.core.lesson_location'] = get('cmi.core.lesson_location');
      }
      last['cmi.suspend_data'] = initial || '';
      if (!completed && status !== 'incomplete') set('cmi.core.lesson_status', 'incomplete');
      set('cmi.core.exit', completed ? '' : 'suspend');
      commit();
    } else {
      error('LMSInitialize');
    }
  }
  /* A safety net if the page goes away without the player calling terminate. */
  window.addEventListener('pagehide', function () { terminate(lastSummary); });
  window.TEQUIO_HOST = host;
})();
