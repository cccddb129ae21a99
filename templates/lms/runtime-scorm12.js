/* Tequio SCORM 1.2 runtime: the SCORM 1.2 dialect of lms/scorm-common.js (loaded just before this file),
   which finds the LMS's API object, starts the session and installs window.TEQUIO_HOST
   (docs/player-host-api.md) before the player starts.
   - progress: cmi.core.lesson_location (unit index), cmi.core.lesson_status incomplete -> completed
   - state: cmi.suspend_data, at most 4,096 characters. A larger state is never cut inside a text: whole
     entries are left out (the last matrix rows first, then the longest texts emptied) until it fits, the
     participant is told to download the matrix, and the full state stays in the browser and in the export file.
   - cmi.core.exit stays "suspend" until the module is complete; cmi.core.session_time as HHHH:MM:SS.SS. */
(function () {
  'use strict';

  /* HHHH:MM:SS.SS (CMITimespan). */
  function timespan(ms) {
    var cs = Math.floor(ms / 10), h = Math.min(9999, Math.floor(cs / 360000));
    var m = Math.floor(cs / 6000) % 60, s = Math.floor(cs / 100) % 60, f = cs % 100;
    var two = function (n) { return (n < 10 ? '0' : '') + n; };
    return (h < 10 ? '0' : '') + h + ':' + two(m) + ':' + two(s) + '.' + two(f);
  }

  window.TequioSCORM({
    name: 'scorm12', label: 'SCORM 1.2', apiName: 'API',
    methods: {
      initialize: 'LMSInitialize', terminate: 'LMSFinish', getValue: 'LMSGetValue', setValue: 'LMSSetValue',
      commit: 'LMSCommit', getLastError: 'LMSGetLastError', getErrorString: 'LMSGetErrorString'
    },
    elements: {
      status: 'cmi.core.lesson_status', entry: 'cmi.core.entry', location: 'cmi.core.lesson_location',
      suspendData: 'cmi.suspend_data', exit: 'cmi.core.exit', sessionTime: 'cmi.core.session_time'
    },
    maxSuspend: 4096, maxLocation: 255, emptyTexts: true,
    doneStatuses: ['completed', 'passed'], exitDone: '',
    sessionTime: timespan,
    lang: function () { return document.documentElement.lang || ''; },
    partialWarning: {
      es: 'Su plataforma de aprendizaje (LMS) solo puede guardar una parte de la matriz. Todo sigue guardado en este navegador: use «Descargar mi matriz» para conservarla completa.',
      en: 'Your learning platform (LMS) can only keep part of the matrix. Everything is still saved in this browser: use “Download my matrix” to keep all of it.'
    }
  });
})();
