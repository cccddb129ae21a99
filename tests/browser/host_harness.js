/* A test host for the player host API (docs/player-host-api.md), loaded before player/player.js in a copy of
   the bundle. It plays the LMS: what saveState receives is kept in localStorage under testhost:lms and
   returned by the next loadState. Every call and every tequio:* event is appended to testhost:log, which
   survives reloads (terminate happens on pagehide). */
(() => {
  const LOG = 'testhost:log', LMS = 'testhost:lms';
  const rec = (kind, data) => {
    const log = JSON.parse(localStorage.getItem(LOG) || '[]');
    log.push({ kind, data, at: Date.now() });
    localStorage.setItem(LOG, JSON.stringify(log));
  };
  window.TEQUIO_HOST = {
    name: 'test',
    loadState() {
      const s = JSON.parse(localStorage.getItem(LMS) || 'null');
      rec('loadState', { savedAt: s && s.savedAt });
      return s;
    },
    saveState(state, summary) {
      const text = JSON.stringify(state);  // must be JSON-serialisable
      localStorage.setItem(LMS, text);
      rec('saveState', { savedAt: state.savedAt, tables: state.tables.length, summary });
    },
    terminate(summary) { rec('terminate', { summary }); return true; },  // the session ended
  };
  ['ready', 'navigate', 'saved'].forEach(n => document.addEventListener('tequio:' + n, e => rec(n, e.detail)));
})();
