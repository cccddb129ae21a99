/* Tequio SCORM 2004 4th Edition runtime: the SCORM 2004 dialect of lms/scorm-common.js (loaded just
   before this file), which finds the LMS's API_1484_11 object, starts the session and installs
   window.TEQUIO_HOST (docs/player-host-api.md) before the player starts.
   - progress: cmi.location (unit index), cmi.progress_measure, cmi.completion_status
   - state: cmi.suspend_data (at most 64,000 characters; a larger state keeps whole entries only and the
     participant is told to download the matrix)
   - every matrix cell as a long-fill-in interaction (cmi.interactions.n.learner_response, at most 4,000
     characters: a longer cell continues in further interactions ":part-2", ":part-3", ...)
   - cmi.exit stays "suspend" until the module is complete; cmi.session_time as an ISO 8601 duration. */
(function () {
  'use strict';
  var MAX_RESPONSE = 4000, MAX_DESCRIPTION = 250;
  var rt = null, set = null, get = null, last = null;
  var interactions = {}, interactionCount = 0;

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

  window.TequioSCORM({
    name: 'scorm2004', label: 'SCORM 2004', apiName: 'API_1484_11',
    methods: {
      initialize: 'Initialize', terminate: 'Terminate', getValue: 'GetValue', setValue: 'SetValue',
      commit: 'Commit', getLastError: 'GetLastError', getErrorString: 'GetErrorString'
    },
    elements: {
      status: 'cmi.completion_status', entry: 'cmi.entry', location: 'cmi.location',
      suspendData: 'cmi.suspend_data', exit: 'cmi.exit', sessionTime: 'cmi.session_time'
    },
    maxSuspend: 64000, maxLocation: 1000, emptyTexts: false,
    doneStatuses: ['completed'], exitDone: 'normal',
    sessionTime: duration,
    lang: lang,
    partialWarning: {
      es: 'Su plataforma de aprendizaje (LMS) solo puede guardar una parte de su trabajo. Todo sigue guardado en este navegador: use «Descargar mi matriz» para conservarla completa.',
      en: 'Your learning platform (LMS) can only keep part of your work. Everything is still saved in this browser: use “Download my matrix” to keep all of it.'
    },
    attach: function (r) { rt = r; set = r.set; get = r.get; last = r.last; },
    /* Progress and completion come before the state. */
    beforeState: function (summary) {
      var p = Math.max(0, Math.min(1, Number(summary.progress) || 0));
      if (summary.completed) p = 1;
      set('cmi.progress_measure', String(Math.round(p * 10000) / 10000));
      rt.complete(summary);
    },
    afterState: function (summary) { reportMatrices(summary.matrices); },
    /* The interactions a suspended attempt already holds. */
    onInitialize: function () {
      var count = parseInt(get('cmi.interactions._count'), 10) || 0;
      for (var i = 0; i < count; i++) {
        var id = get('cmi.interactions.' + i + '.id');
        if (id) interactions[id] = i;
        last['cmi.interactions.' + i + '.id'] = id;
        last['cmi.interactions.' + i + '.type'] = get('cmi.interactions.' + i + '.type');
        last['cmi.interactions.' + i + '.learner_response'] = get('cmi.interactions.' + i + '.learner_response');
      }
      interactionCount = count;
    }
  });
})();
