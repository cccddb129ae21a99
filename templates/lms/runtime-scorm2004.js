/* Tequio SCORM 2004 4th Edition runtime. Finds the LMS's API_1484_11 object, starts the session and
   installs window.TEQUIO_HOST (docs/player-host-api.md) before the player starts.
   - progress: cmi.location (unit index), cmi.progress_measure, cmi.completion_status
   - state: cmi.suspend_data (at most 64,000 characters; a larger state keeps whole entries only and the
     participant is told to download the matrix)
   - every matrix cell as a long-fill-in interaction (cmi.interactions.n.learner_response, at most 4,000
     characters: a longer cell continues in further interactions ":part-2", ":part-3", ...)
   - cmi.exit stays "suspend" until the module is complete; cmi.session_time as an ISO 8601 duration.
   No dependencies; every LMS call is checked and a refusal is recorded in TEQUIO_HOST.errors. */
(function () {
  'use strict';
  var MAX_SUSPEND = 64000, MAX_LOCATION = 1000, MAX_RESPONSE = 4000, MAX_DESCRIPTION = 250, COMMIT_DELAY = 1500;
  var started = Date.now();

  /* The ADL discovery algorithm: this window and its parents, then the opener and its parents. */
  function findIn(win) {
    for (var tries = 0; win && tries < 500; tries++) {
      try { if (win.API_1484_11) return win.API_1484_11; } catch (e) { /* a cross-origin frame: keep climbing */ }
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
    name: 'scorm2004', connected: false, errors: [], messages: [], partial: false,
    loadState: loadState, saveState: saveState, terminate: terminate
  };
  var active = false, finished = false, completed = false, warned = false;
  var last = {}, commitTimer = null, lastSummary = null, initial = null;
  var interactions = {}, interactionCount = 0;

  function error(call) {
    var code = '';
    try { code = String(api.GetLastError()); } catch (e) { code = '?'; }
    var text = '';
    try { text = String(api.GetErrorString(code)); } catch (e) { text = ''; }
    host.errors.push({ call: call, code: code, text: text });
    if (window.console) console.warn('SCORM 2004: ' + call + ' failed (' + code + ' ' + text + ')');
  }
  function get(name) {
    var v = String(api.GetValue(name));
    return String(api.GetLastError()) === '0' ? v : '';
  }
  function set(name, value) {
    value = String(value);
    if (last[name] === value) return true;
    if (String(api.SetValue(name, value)) !== 'true') { error('SetValue ' + name); return false; }
    last[name] = value;
    if (!commitTimer) commitTimer = setTimeout(commit, COMMIT_DELAY);
    return true;
  }
  function commit() {
    clearTimeout(commitTimer); commitTimer = null;
    if (active && String(api.Commit('')) !== 'true') error('Commit');
  }

  /* PT#H#M#S with at most two decimals (timeinterval (second,10,2)). */
  function duration(ms) {
    var cs = Math.floor(ms / 10), h = Math.floor(cs / 360000), m = Math.floor(cs / 6000) % 60, s = (cs % 6000) / 100;
    return 'PT' + (h ? h + 'H' : '') + (h || m ? m + 'M' : '') + s + 'S';
  }
  function timestamp() { return new Date().toISOString().replace(/\.\d+Z$/, 'Z'); }
  function lang() {
    var l = document.documentElement.lang || '';
    return /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(l) ? l : 'und';
  }

  /* suspend_data: {"v":1,"s":state}; when it does not fit, whole entries are left out, never cut. */
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
      if (!biggest) break;
      biggest.pop();
      text = envelope(copy, true);
      if (text.length <= limit) return { text: text, partial: true };
    }
    return { text: envelope({ savedAt: state && state.savedAt }, true), partial: true };
  }

  function tell(level, es, en) {
    var detail = { level: level, text: lang().slice(0, 2) === 'es' ? es : en };
    host.messages.push(detail);
    try { document.dispatchEvent(new CustomEvent('tequio:message', { detail: detail })); } catch (e) { /* old browser */ }
  }

  /* ---- Matrix cells as long-fill-in interactions ---- */
  function uriPart(s) {
    return encodeURIComponent(String(s)).replace(/[!'()*]/g, function (c) { return '%' + c.charCodeAt(0).toString(16).toUpperCase(); });
  }
  function columnLabel(columnId) {
    var M = window.TEQUIO_DATA && window.TEQUIO_DATA.module, l = lang();
    var matrices = (M && M.matrices) || [];
    for (var i = 0; i < matrices.length; i++) {
      var cols = matrices[i].columns || [];
      for (var j = 0; j < cols.length; j++) {
        if (cols[j].id === columnId) {
          var label = cols[j].label || {};
          return label[l] || label[l.slice(0, 2)] || label[Object.keys(label)[0]] || columnId;
        }
      }
    }
    return columnId;
  }
  /* Pieces of at most `size` UTF-16 units, never splitting a surrogate pair. */
  function chunks(text, size) {
    var out = [];
    while (text.length > size) {
      var cut = size, code = text.charCodeAt(cut - 1);
      if (code >= 0xD800 && code <= 0xDBFF) cut--;
      out.push(text.slice(0, cut));
      text = text.slice(cut);
    }
    out.push(text);
    return out;
  }
  function setInteraction(id, description, response) {
    var n = interactions[id];
    if (n == null) {
      n = interactionCount;
      var base = 'cmi.interactions.' + n + '.';
      if (!set(base + 'id', id) || !set(base + 'type', 'long-fill-in')) return;
      interactions[id] = n;
      interactionCount++;
      set(base + 'description', description);
    }
    var p = 'cmi.interactions.' + n + '.';
    if (last[p + 'learner_response'] === response) return;
    if (set(p + 'learner_response', response)) set(p + 'timestamp', timestamp());
  }
  function reportMatrices(matrices) {
    var seen = {}, prefix = '{lang=' + lang() + '}';
    (matrices || []).forEach(function (m) {
      var base = 'urn:tequio:table:' + uriPart(m.tableId || 'table') + (m.matrixId ? ':' + uriPart(m.matrixId) : '');
      var columns = m.columns || [];
      (m.rows || []).forEach(function (row, r) {
        columns.forEach(function (col) {
          var text = row && row[col] != null ? String(row[col]) : '';
          if (!text && interactions[base + ':row-' + (r + 1) + ':' + uriPart(col)] == null) return;
          var description = (m.tableName ? m.tableName + ' · ' : '') + '#' + (r + 1) + ' · ' + columnLabel(col);
          description = prefix + description.slice(0, MAX_DESCRIPTION - prefix.length);
          chunks(text, MAX_RESPONSE - prefix.length).forEach(function (piece, k) {
            var id = base + ':row-' + (r + 1) + ':' + uriPart(col) + (k ? ':part-' + (k + 1) : '');
            seen[id] = true;
            setInteraction(id, description, prefix + piece);
          });
        });
      });
    });
    /* Cells that were emptied or rows that were removed: their interactions now hold no text. */
    for (var id in interactions) {
      var key = 'cmi.interactions.' + interactions[id] + '.learner_response';
      if (!seen[id] && last[key] && last[key] !== prefix) set(key, prefix);
    }
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
    if (summary) {
      if (summary.unitIndex != null && String(summary.unitIndex).length <= MAX_LOCATION) set('cmi.location', String(summary.unitIndex));
      var p = Math.max(0, Math.min(1, Number(summary.progress) || 0));
      if (summary.completed) p = 1;
      set('cmi.progress_measure', String(Math.round(p * 10000) / 10000));
      if (summary.completed && !completed) {
        completed = true;
        set('cmi.completion_status', 'completed');
      }
    }
    if (state) {
      var f = fit(state, MAX_SUSPEND);
      host.partial = f.partial;
      set('cmi.suspend_data', f.text);
      if (f.partial && !warned) {
        warned = true;
        tell('warning',
          'Su plataforma de aprendizaje (LMS) solo puede guardar una parte de su trabajo. Todo sigue guardado en este navegador: use «Descargar mi matriz» para conservarla completa.',
          'Your learning platform (LMS) can only keep part of your work. Everything is still saved in this browser: use “Download my matrix” to keep all of it.');
      }
      if (summary) reportMatrices(summary.matrices);
    }
  }

  function terminate(summary) {
    if (summary) saveState(null, summary);
    if (!active || finished) return;
    finished = true;
    set('cmi.session_time', duration(Date.now() - started));
    set('cmi.exit', completed ? 'normal' : 'suspend');
    commit();
    active = false;
    if (String(api.Terminate('')) !== 'true') error('Terminate');
  }

  if (api) {
    if (String(api.Initialize('')) === 'true') {
      active = true;
      host.connected = true;
      var status = get('cmi.completion_status');
      completed = status === 'completed';
      /* A first attempt has no suspend_data or location yet: reading them would only return error 403. */
      if (get('cmi.entry') !== 'ab-initio') {
        initial = get('cmi.suspend_data') || null;
        last['cmi.location'] = get('cmi.location');
      }
      last['cmi.suspend_data'] = initial || '';
      var count = parseInt(get('cmi.interactions._count'), 10) || 0;
      for (var i = 0; i < count; i++) {
        var id = get('cmi.interactions.' + i + '.id');
        if (id) interactions[id] = i;
        last['cmi.interactions.' + i + '.id'] = id;
        last['cmi.interactions.' + i + '.type'] = get('cmi.interactions.' + i + '.type');
        last['cmi.interactions.' + i + '.learner_response'] = get('cmi.interactions.' + i + '.learner_response');
      }
      interactionCount = count;
      if (!completed && status !== 'incomplete') set('cmi.completion_status', 'incomplete');
      set('cmi.exit', completed ? 'normal' : 'suspend');
      commit();
    } else {
      error('Initialize');
    }
  }
  /* A safety net if the page goes away without the player calling terminate. */
  window.addEventListener('pagehide', function () { terminate(lastSummary); });
  window.TEQUIO_HOST = host;
})();
