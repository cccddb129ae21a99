/* Tequio participant player: plain DOM under a strict CSP, opened from file:// or a web server. Module and
   participant text are only ever set as textContent or attribute values. Host API: docs/player-host-api.md.
   This part: the module data, checked before anything reads it, and the small helpers every part uses. */
const doc = document, $ = id => doc.getElementById(id);
const bundleData = window.TEQUIO_DATA || {}, module = bundleData.module, view = $('view');
if (!module) {
  view.textContent = 'Faltan los datos del módulo · The module data is missing (player/module-data.js)';
  return;
}
['glossary', 'matrices', 'units'].forEach(k => { module[k] = module[k] || []; });

const SECTORS = ['government', 'civil-society', 'private-sector', 'other'];

let idCount = 0;
const newId = () => Date.now().toString(36) + (idCount++).toString(36) + Math.random().toString(36).slice(2, 6);
/* Characters as a person counts them: a surrogate pair (an emoji) is one */
const charCount = s => s.length - (s.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g) || []).length;
const isoNow = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const twoDigits = n => String(n).padStart(2, '0');
const isBlank = s => !s || !/\S/.test(s);
const asObject = x => x && typeof x === 'object' ? x : {};
