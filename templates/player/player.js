/* Tequio participant player: plain DOM under a strict CSP, opened from file:// or a web server. Module and
   participant text are only ever set as textContent or attribute values. Host API: docs/player-host-api.md */
(() => {
'use strict';
const doc = document, $ = id => doc.getElementById(id);
const D = window.TEQUIO_DATA || {}, M = D.module, view = $('view');
if (!M) { view.textContent = 'Faltan los datos del módulo · The module data is missing (player/module-data.js)'; return; }
['glossary', 'matrices', 'units'].forEach(k => { M[k] = M[k] || []; });

/* Every interface string: key|Spanish|English (one text when both are the same) */
const UI = {};
`skip|Saltar al contenido|Skip to content
units|Unidades|Units
glossary|Glosario|Glossary
matrix|Matriz|Matrix
language|Idioma|Language
seen|Vistas: {0} de {1} unidades|Viewed: {0} of {1} units
seenMark|(vista)|(viewed)
unitOf|Unidad {0} de {1}|Unit {0} of {1}
day|Día {0}|Day {0}
min|{0} min
prev|Anterior|Previous
next|Siguiente|Next
pager|Unidad anterior y siguiente|Previous and next unit
start|Empezar|Start
resume|Continuar donde se quedó|Continue where you left off
about|Sobre este material|About this material
authors|Autoría|Authors
duration|Duración|Duration
days|{0} días|{0} days
hours|{0} horas|{0} hours
modes|Modalidad|Delivery
face-to-face|presencial|face-to-face
virtual|virtual
blended|mixta|blended
license|Licencia|License
version|Versión|Version
howSave|Dónde se guarda su trabajo|Where your work is saved
howSaveText|Lo que escriba se guarda solo, en este navegador. Para entregarlo o pasarlo a otra computadora, descargue su matriz.|What you type is saved automatically, in this browser. To hand it in or move it to another computer, download your matrix.
autosave|Guardado automático|Autosave on
saved|Guardado {0}|Saved {0}
saveErr|¡No se pudo guardar! Descargue su matriz ahora.|Could not save! Download your matrix now.
noStore|Este navegador no permite guardar: descargue su matriz a menudo.|This browser does not allow saving: download your matrix often.
presentation|Presentación|Presentation
caseStudy|Caso de estudio|Case study
finding|Hallazgo del diagnóstico|Diagnostic finding
activity|Actividad|Activity
survey|Encuesta|Survey
focus-group|Grupo focal|Focus group
study|Estudio|Study
working-table|Mesa de trabajo|Working table
discussion|Discusión|Discussion
plenary|Plenaria|Plenary
individual|Individual
slideOf|Diapositiva {0} de {1}|Slide {0} of {1}
slides|Diapositivas|Slides
prevSlide|Diapositiva anterior|Previous slide
nextSlide|Diapositiva siguiente|Next slide
notes|Notas para quien facilita|Facilitator notes
transcript|Transcripción|Transcript
openPdf|Abrir el documento PDF|Open the PDF document
noCaptions|Subtítulos no disponibles: lea la transcripción.|Captions are not available: read the transcript.
context|Contexto|Context
narrative|El caso|The case
keyFacts|Datos clave|Key facts
questions|Preguntas para la discusión|Discussion questions
sources|Fuentes|Sources
notesFor|Sus notas se guardan para la mesa|Your notes are saved for the table
changeTable|Cambiar de mesa|Change table
dataFor|Datos:|Data:
csv|Descargar los datos (CSV)|Download the data (CSV)
source|Fuente|Source
chartTable|Los datos están en la tabla que sigue.|The data are in the table below.
openMatrix|Abrir la matriz|Open the matrix
back|Volver|Back
workTables|Mesas de trabajo|Working tables
matrixIntro|Cada mesa de trabajo llena su propia matriz.|Each working table fills in its own matrix.
yourTable|Su mesa de trabajo|Your working table
activeTable|Mesa activa|Active table
newTable|Nueva mesa|New table
delTable|Eliminar esta mesa|Delete this table
tableN|Mesa {0}|Table {0}
confirmDel|¿Eliminar la mesa «{0}» y todo su contenido? No se puede deshacer.|Delete the table “{0}” and all its content? This cannot be undone.
yesDel|Sí, eliminar|Yes, delete
cancel|Cancelar|Cancel
tableName|Nombre de la mesa|Table name
municipality|Municipio|Municipality
members|Integrantes|Members
name|Nombre|Name
sector|Sector
role|Cargo o función (opcional)|Role (optional)
chooseSector|Elija un sector|Choose a sector
government|Gobierno|Government
civil-society|Sociedad civil|Civil society
private-sector|Sector privado|Private sector
other|Otro|Other
addMember|Añadir integrante|Add member
removeMember|Quitar|Remove
memberN|integrante {0}|member {0}
rows|Filas de la matriz|Matrix rows
columns|Columnas y ayuda|Columns and help
help|Ayuda|Help
reqHint|Columnas con *: obligatorias en cada fila con texto.|Columns marked *: required in every row with text.
maxChars|máximo {0} caracteres|maximum {0} characters
rowN|Fila {0}|Row {0}
up|Subir|Up
down|Bajar|Down
remove|Eliminar|Remove
rowUp|Subir la fila {0}|Move row {0} up
rowDown|Bajar la fila {0}|Move row {0} down
rowDel|Eliminar la fila {0}|Remove row {0}
addRow|Añadir fila|Add row
rowAdded|Fila {0} añadida.|Row {0} added.
rowMoved|Fila movida a la posición {0}.|Row moved to position {0}.
rowRemoved|Fila {0} eliminada.|Row {0} removed.
undo|Deshacer|Undo
noRows|Todavía no hay filas: añada la primera.|No rows yet: add the first one.
required|Obligatorio: escriba algo en esta columna.|Required: write something in this column.
tooLong|Demasiado largo: quite {0} caracteres (máximo {1}).|Too long: remove {0} characters (maximum {1}).
saveShare|Descargar y cargar|Download and load
exportHint|Descargue la matriz para entregarla o seguir en otra computadora. Cada descarga es un borrador nuevo.|Download the matrix to hand it in or continue on another computer. Each download is a new draft.
download|Descargar mi matriz (XML)|Download my matrix (XML)
downloadAnyway|Descargar de todos modos (borrador incompleto)|Download anyway (incomplete draft)
problems|Antes de descargar, revise {0} problema(s):|Before downloading, check {0} problem(s):
noName|Escriba el nombre de la mesa.|Write the table name.
noSector|{0}: elija el sector.|{0}: choose the sector.
downloaded|Descargado: {0} (borrador {1}).|Downloaded: {0} (draft {1}).
load|Cargar un archivo de matriz|Load a matrix file
loaded|Se cargó la mesa «{0}» (borrador {1}): {2} fila(s), {3} integrante(s).|Loaded the table “{0}” (draft {1}): {2} row(s), {3} member(s).
notXml|Este archivo no es XML válido: ¿está dañado o incompleto?|This file is not valid XML: is it damaged or incomplete?
notMatrix|Este archivo no es una matriz de Tequio.|This file is not a Tequio matrix.
wrongModule|Este archivo es del módulo «{0}», no de «{1}».|This file belongs to the module “{0}”, not “{1}”.
wrongVersion|Este archivo es de la versión {0} del módulo, no de la {1}.|This file is for version {0} of the module, not {1}.
unknownMatrix|Este módulo no tiene la matriz «{0}».|This module has no matrix “{0}”.
finish|Terminar|Finish
finished|Sesión terminada: su trabajo quedó guardado. Puede cerrar esta ventana.|Session finished: your work is saved. You can close this window.
notFinished|La plataforma no cerró la sesión; su trabajo sigue guardado en este navegador.|The platform did not end the session; your work is still saved in this browser.
merged|Se unió su trabajo con la copia de la plataforma: revise los textos dobles, separados por «— — —».|Your work was merged with the platform's copy: check the double texts, separated by “— — —”.
unknownCols|Se ignoraron columnas desconocidas: {0}.|Unknown columns were ignored: {0}.
readErr|No se pudo leer el archivo.|The file could not be read.`.split('\n').forEach(l => { const [k, es, en = es] = l.split('|'); UI[k] = [es, en]; });

const SECTORS = ['government', 'civil-society', 'private-sector', 'other'];

/* ---- State: the index (language, screen, units seen, table ids) under KEY, each table and row under its own key ---- */
const KEY = 'tequio:' + M.id + ':' + M.version, tkey = id => KEY + ':table:' + id, rkey = id => KEY + ':row:' + id;
let LS = null;
try { LS = localStorage; LS.setItem(KEY + ':probe', '1'); LS.removeItem(KEY + ':probe'); } catch { LS = null; }
const get = k => { try { return JSON.parse(LS.getItem(k)); } catch { return null; } };
const S = Object.assign({ tables: [], seen: {} }, get(KEY)), T = {};
const langs = M.languages.slice().sort((a, b) => (a !== 'es') - (b !== 'es'));
let lang = langs.includes(S.lang) ? S.lang : M.languages[0], ui = 1, nf = null;
const t = (k, ...a) => (UI[k] ? UI[k][ui] : k).replace(/\{(\d)\}/g, (_, i) => a[i]);
function loc(o) {
  if (o) for (const l of [lang].concat(M.languages, Object.keys(o))) if (o[l] != null) return [o[l], l];
}
const str = o => (loc(o) || [''])[0];
const fmt = n => (nf = nf || new Intl.NumberFormat(lang, { maximumFractionDigits: 2 })).format(n);
function intlName(code, type, inLang) {
  try { const n = new Intl.DisplayNames([inLang], { type }).of(code); return n[0].toUpperCase() + n.slice(1); } catch { return code; }
}

/* ---- DOM: h('p.cls', {attr: value}, kids): kids are nodes, texts or arrays; falsy ones are skipped ---- */
function h(sel, a, k) {
  const p = sel.split('.'), e = doc.createElement(p.shift());
  if (p[0]) e.className = p.join(' ');
  for (const n in a) if (a[n] != null && a[n] !== false) e.setAttribute(n, a[n] === true ? '' : a[n]);
  return add(e, k);
}
function add(e, k) {
  if (k) Array.isArray(k) ? k.forEach(x => add(e, x)) : e.appendChild(k.nodeType ? k : doc.createTextNode(k));
  return e;
}
/* An element with a localized text, marked with its language when not the page's */
function lt(sel, o, a) { const r = loc(o), e = h(sel, a, r && r[0]); if (r && r[1] !== lang) e.lang = r[1]; return e; }
const vh = s => h('span.vh', 0, s);
const btn = (act, k, a, cls) => h('button' + (cls ? '.' + cls : ''), Object.assign({ type: 'button', 'data-act': act }, a), k);
const okHref = u => /^(https?:|mailto:)/i.test(u || '');
const media = s => !s || /^[a-z][a-z0-9+.-]*:|^\/|\\|(^|\/)\.\.?(\/|$)/i.test(s) ? null : 'content/' + s.split('/').map(encodeURIComponent).join('/');
let uidN = 0;
const uid = () => Date.now().toString(36) + (uidN++).toString(36) + Math.random().toString(36).slice(2, 6);
const chars = s => s.length - (s.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g) || []).length;
const iso = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const two = n => String(n).padStart(2, '0');
const blank = s => !s || !/\S/.test(s);
const obj = x => x && typeof x === 'object' ? x : {};

/* ---- Rich text ---- */
function rich(o) { const r = loc(o), e = h('div.rich'); if (r) { if (r[1] !== lang) e.lang = r[1]; blocks(e, r[0]); } return e; }
function blocks(e, bs) { (bs || []).forEach(b => add(e, block(b))); return e; }
function block(b) {
  if (b.t === 'p') return inline(h('p'), b.c);
  if (b.t === 'ul' || b.t === 'ol') return h(b.t, 0, (b.items || []).map(i => blocks(h('li'), i)));
  if (b.t === 'quote') { const q = blocks(h('blockquote'), b.c); return b.cite ? h('figure.quote', 0, [q, h('figcaption', 0, '— ' + b.cite)]) : q; }
  if (b.t === 'img') return h('figure.img', 0, [h('img', { src: media(b.src), alt: b.alt || '' }), b.caption && h('figcaption', 0, b.caption)]);
}
function inline(e, c) {
  (c || []).forEach(x => {
    if (typeof x === 'string') return add(e, x);
    const n = /^(em|strong|br)$/.test(x.t) ? h(x.t)
      : x.t === 'a' ? (okHref(x.href) ? h('a', { href: x.href, rel: 'noopener' }) : h('span'))
      : x.t === 'term' ? h('a.term', { href: '#/glossary/' + encodeURIComponent(x.ref) }) : null;
    if (n) e.appendChild(inline(n, x.c));
  });
  return e;
}

/* ---- Saving on every edit: the changed row and table records, then the index with savedAt; then the host gets the
   whole state and a summary, and tequio:saved is sent ---- */
const hook = window.tequioPlayer = { key: KEY, lastSaveMs: 0 }, HOST = window.TEQUIO_HOST;
let shown = '', shownKind = null, failed = false;
function status(kind) {
  shownKind = kind;
  const el = $('save-status'), d = new Date(), s = kind === 'ok' ? t('saved', two(d.getHours()) + ':' + two(d.getMinutes())) : t(kind || 'autosave');
  if (s !== shown) { el.textContent = shown = s; el.classList.toggle('err', kind === 'saveErr' || kind === 'noStore'); }
}
function say(level, text) { const e = $('msg'); e.textContent = text ? String(text) : ''; e.className = text && level === 'warning' ? 'warn' : ''; }
function put(k, v) { if (LS) try { LS.setItem(k, JSON.stringify(v)); } catch { failed = true; } }
/* A row is stored as [cells, edit times] (only the cells before edit times were kept) */
const saveR = r => put(rkey(r.id), [r.c, r.t || {}]), saveT = tb => { putT(tb); saveS(); };
function putT(tb) {
  const ids = {};
  for (const m in tb.rows) ids[m] = tb.rows[m].map(r => r.id);
  put(tkey(tb.id), Object.assign({}, tb, { rows: ids }));
}
function saveS() {
  S.savedAt = new Date().toISOString();
  put(KEY, S);
  status(LS ? failed ? 'saveErr' : 'ok' : 'noStore'); failed = false;
  const s = HOST && summary();
  if (s) host('saveState', state(), s);
  emit('saved', s);
}
function loadT(id) {
  if (T[id] || !LS) return T[id];
  const tb = get(tkey(id));
  if (tb) for (const m in tb.rows) tb.rows[m] = tb.rows[m].map(i => { const x = get(rkey(i)), a = Array.isArray(x); return { id: i, c: obj(a ? x[0] : x), t: obj(a && x[1]) }; });
  return (T[id] = tb);
}
function drop(id) {
  const x = obj(get(tkey(id)));
  for (const m in x.rows) x.rows[m].forEach(i => LS.removeItem(rkey(i)));
  LS.removeItem(tkey(id)); delete T[id];
}
const table = () => (S.cur && loadT(S.cur)) || newTable();
function newTable(f, quiet) {
  S.tables = S.tables.filter(id => T[id] || get(tkey(id)));
  const now = iso(), tb = Object.assign({ id: uid(), name: t('tableN', S.tables.length + 1), municipality: '', lang,
    created: now, modified: now, draft: 0, members: [], rows: {}, notes: {} }, f);
  for (const m in tb.rows) tb.rows[m].forEach(saveR);
  T[tb.id] = tb; S.tables.push(tb.id); S.cur = tb.id;
  (quiet ? putT : saveT)(tb);
  return tb;
}

/* ---- Host: the state as one object; the host's, when newer, is written back locally ---- */
const host = (f, ...a) => { try { return HOST && HOST[f] && HOST[f](...a); } catch (e) { hook.hostError = String(e); } };
/* detail.summary is computed when a listener reads it */
const emit = (n, s) => doc.dispatchEvent(new CustomEvent('tequio:' + n, { detail: { get summary() { return (s = s || summary()); } } }));
const tables = () => S.tables.map(id => loadT(id)).filter(Boolean);
const state = () => Object.assign({ module: M.id, version: M.version }, S, { tables: tables() });
/* ---- The host's copy of the state (an LMS may hand back an older copy, a newer one or one saved on another
   computer) is merged into this browser's; nothing is dropped (docs/lms-guide.md):
   - working tables and matrix rows are matched by id, members by name; one found on one side only is kept (a row
     without text need not be); the newer copy's order is kept, the other's extras follow their predecessor;
   - a text (cell, note, table name, municipality) found on one side only is kept: an emptied text never wins;
   - two different texts: the later edit wins when both carry an edit time (each cell, note, table name and
     municipality has one); else the one that contains the other; else both are kept, the newer copy's first,
     separated by a line "— — —", and the participant is asked to check them;
   - a table's other fields come from its newer copy (modified), the screen, language and active table from the
     newer state (savedAt); units seen from both. The result is saved here and, when it differs, to the host. */
const time = x => Date.parse(x) || 0, keys = (p, q) => [...new Set(Object.keys(p).concat(Object.keys(q)))];
const maxT = (p, q) => { const o = Object.assign({}, p); for (const k in q) o[k] = Math.max(+o[k] || 0, +q[k] || 0); return o; };
let clash = 0;
function pick(a, b, ta, tb, sep = '\n— — —\n') {
  a = String(a ?? ''); b = String(b ?? '');
  return a === b || blank(b) ? a : blank(a) ? b : ta && tb && ta !== tb ? (ta > tb ? a : b)
    : a.includes(b) ? a : b.includes(a) ? b : (clash++, a + sep + b);
}
/* The elements of a (merged with their match in b by key k), and b's unmatched ones that keep(y) */
function union(a, b, k, f, keep) {
  const r = a.map(x => { const y = b.find(z => k(z) === k(x)); return y ? f(x, y) : x; });
  b.forEach((y, i) => r.some(x => k(x) === k(y)) || !keep(y) || r.splice(r.findIndex(x => k(x) === k(b[i - 1] || {})) + 1, 0, y));
  return r;
}
function mergeT(p, q) {
  const [x, y] = time(q.modified) > time(p.modified) ? [q, p] : [p, q], xt = obj(x.t), yt = obj(y.t), notes = {}, rows = {},
    line = k => pick(x[k], y[k], xt[k], yt[k], ' — — — ');
  keys(x.notes, y.notes).forEach(n => { notes[n] = pick(x.notes[n], y.notes[n], xt['q:' + n], yt['q:' + n]); });
  keys(x.rows, y.rows).forEach(m => {
    rows[m] = union(x.rows[m] || [], y.rows[m] || [], r => r.id, (r, s) => {
      const c = {}, rt = obj(r.t), st = obj(s.t);
      keys(r.c, s.c).forEach(k => { c[k] = pick(r.c[k], s.c[k], rt[k], st[k]); });
      return { id: r.id, c, t: maxT(rt, st) };
    }, r => !Object.values(r.c).every(blank));
  });
  return Object.assign({}, y, x, { notes, rows, t: maxT(xt, yt), draft: Math.max(x.draft || 0, y.draft || 0),
    name: line('name'), municipality: line('municipality'),
    members: union(x.members, y.members, m => String(m.name || '').trim(), m => m, m => !blank(m.name)) });
}
const canon = v => JSON.stringify(v, (k, x) => x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort()) : x);
function merge(st) {
  const newer = time(st.savedAt) > time(S.savedAt), top = newer ? st : S, seen = Object.assign({}, obj(st.seen), S.seen), o = {};
  let tabs, all;
  clash = 0;
  try {
    tabs = st.tables.map(x => Object.assign({ name: '' }, x, { members: (x.members || []).filter(obj), notes: obj(x.notes), t: obj(x.t),
      rows: Object.fromEntries(Object.entries(x.rows || {}).map(([m, rs]) => [m, rs.filter(r => r.id).map(r => ({ id: r.id, c: obj(r.c), t: obj(r.t) }))])) }));
    all = union(newer ? tabs : tables(), newer ? tables() : tabs, x => x.id, mergeT, () => 1);
  } catch { return; } /* not a state this player wrote: keep the local one */
  ['lang', 'view', 'unit', 'cur', 'savedAt'].forEach(k => { if (typeof top[k] === 'string') o[k] = top[k]; });
  if (LS) S.tables.forEach(drop);
  for (const k in S) delete S[k];
  Object.assign(S, { seen, tables: [] });
  all.forEach(x => newTable(x, 1));
  Object.assign(S, o);
  if (!S.tables.includes(S.cur)) S.cur = S.tables[0];
  put(KEY, S);
  if (clash) say('warning', t('merged'));
  if (canon([all, seen]) !== canon([tabs, obj(st.seen)])) saveS();
}
/* Complete: every unit seen and, if there is a working-table activity, a row of its matrix (any, if it names none)
   with text in every required column */
const WT = [];
M.units.forEach(u => (u.blocks || []).forEach(b => b.kind === 'activity' && obj(b.activity).kind === 'working-table' && WT.push(b.activity.matrix || '*')));
function summary() {
  const n = M.units.length, seen = M.units.filter(u => S.seen[u.id]).length, matrices = [];
  let done = !WT.length || !M.matrices.length;
  tables().forEach(tb => M.matrices.forEach(mx => {
    const cs = mx.columns, rows = (tb.rows[mx.id] || []).filter(r => !rowEmpty(r, mx));
    if (WT.includes(mx.id) || WT.includes('*')) done = done || rows.some(r => cs.every(c => !c.required || !blank(r.c[c.id])));
    matrices.push({ tableId: tb.id, tableName: tb.name, municipality: tb.municipality, members: tb.members.filter(m => !blank(m.name)),
      matrixId: mx.id, columns: cs.map(c => c.id), rows: rows.map(r => Object.fromEntries(cs.map(c => [c.id, r.c[c.id] || '']))) });
  }));
  return { unitIndex: Math.max(0, M.units.findIndex(u => u.id === S.unit)), unitCount: n, visitedCount: seen,
    completed: seen === n && done, progress: n ? seen / n : 1, matrices };
}

/* ---- Header, unit list, progress ---- */
function chrome() {
  ui = /^es\b/.test(lang) ? 0 : 1; nf = null;
  doc.documentElement.lang = lang;
  for (const [id, k] of [['skip', 'skip'], ['nav-toggle', 'units'], ['nav-title', 'units'], ['glossary-link', 'glossary'], ['matrix-link', 'matrix'], ['finish', 'finish']]) $(id).textContent = t(k);
  $('home-link').textContent = str(M.metadata.title);
  $('unit-nav').setAttribute('aria-label', t('units'));
  $('glossary-link').hidden = !M.glossary.length;
  $('matrix-link').hidden = !M.matrices.length;
  const ls = $('lang-switch'), ol = $('unit-list');
  ls.textContent = ol.textContent = ''; ls.hidden = langs.length < 2; ls.setAttribute('aria-label', t('language'));
  langs.forEach(l => add(ls, btn('lang', intlName(l, 'language', l), { lang: l, 'data-lang': l, 'aria-pressed': String(l === lang) })));
  M.units.forEach((u, i) => add(ol, h('li', 0, h('a', { href: '#/u/' + u.id, 'data-unit': u.id }, [h('span.num', 0, i + 1 + '.'), ' ', lt('span', u.title), h('span.mark')]))));
  $('foot').textContent = ['Tequio', t('version') + ' ' + M.version, M.metadata.license, D.generator].filter(Boolean).join(' · ');
  shown = ''; status(shownKind);
}
function markNav(unit) {
  let n = 0;
  for (const a of $('unit-list').querySelectorAll('a')) {
    const id = a.dataset.unit, mk = a.lastChild;
    if (id === unit) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    if (S.seen[id]) { n++; if (!mk.firstChild) add(mk, [h('span', { 'aria-hidden': 'true' }, ' ✓'), vh(' ' + t('seenMark'))]); }
  }
  const p = $('progress');
  p.max = M.units.length || 1; p.value = n;
  $('progress-label').textContent = t('seen', n, M.units.length);
}
function setNav(open) { doc.body.classList.toggle('nav-open', open); $('nav-toggle').setAttribute('aria-expanded', open); }

/* ---- Routes: #/ · #/u/<unit> · #/glossary[/<term>] · #/matrix[/<matrix>] ---- */
let current = null, focusTo = null;
const render = k => { view.textContent = ''; add(view, k); };
const h1 = o => typeof o === 'string' ? h('h1', { id: 'page-title', tabindex: '-1' }, o) : lt('h1', o, { id: 'page-title', tabindex: '-1' });
function go(r, focus) {
  const m = /^#\/(u|glossary|matrix)(?:\/(.*))?$/.exec(r) || [], arg = decodeURIComponent(m[2] || '');
  const ix = M.units.findIndex(u => u.id === arg), unit = m[1] === 'u' && ix >= 0, was = current;
  let title = '';
  focusTo = null;
  setNav(false);
  if (unit) { title = showUnit(ix); keep(r, arg); }
  else if (m[1] === 'glossary' && M.glossary.length) title = showGlossary(arg);
  else if (m[1] === 'matrix' && M.matrices.length) {
    const mx = M.matrices.find(x => x.id === arg) || M.matrices[0];
    r = '#/matrix/' + mx.id; title = showMatrix(mx); keep(r);
  } else { r = '#/'; showHome(); }
  current = hook.route = r;
  doc.title = (title ? title + ' · ' : '') + str(M.metadata.title);
  markNav(unit && arg);
  if (focus) { (focusTo || $('page-title')).focus(); if (!focusTo) scrollTo(0, 0); }
  if (unit && was && was !== r) emit('navigate');
}
/* Remembers the screen and the units seen; saves only changes */
function keep(r, u) {
  if (S.view === r && (!u || S.seen[u])) return;
  S.view = r;
  if (u) S.seen[S.unit = u] = 1;
  saveS();
}
const unitMeta = u => [u.day && t('day', u.day), u.minutes && t('min', u.minutes)].filter(Boolean).join(' · ');

function showHome() {
  const md = M.metadata, first = M.units[0], resume = S.view && S.view !== '#/', sum = loc(md.summary);
  const about = [[t('authors'), (md.authors || []).map(a => a.name + (a.affiliation ? ' (' + a.affiliation + ')' : '')).join('; ')],
    [t('duration'), [md.durationDays && t('days', md.durationDays), md.durationHours && t('hours', fmt(md.durationHours))].filter(Boolean).join(', ')],
    [t('modes'), (md.deliveryModes || []).map(x => t(x)).join(', ')], [t('license'), md.license], [t('version'), M.version]];
  render([md.program && lt('p.crumb', md.program), h1(md.title), md.subtitle && lt('p.lead', md.subtitle),
    sum && h('div.rich', { lang: sum[1] !== lang ? sum[1] : null }, sum[0].split(/\n\s*\n/).map(p => h('p', 0, p))),
    (first || resume) && h('p', 0, h('a.btn.primary', { href: resume ? S.view : '#/u/' + first.id }, t(resume ? 'resume' : 'start'))),
    h('h2', 0, t('units')),
    h('ol.toc', 0, M.units.map(u => h('li', 0, [h('a', { href: '#/u/' + u.id }, lt('span', u.title)), ' ', h('span.meta', 0, unitMeta(u))]))),
    h('h2', 0, t('howSave')), h('p', 0, t('howSaveText')), h('h2', 0, t('about')),
    h('dl.about', 0, about.filter(x => x[1]).map(x => [h('dt', 0, x[0]), h('dd', 0, String(x[1]))]))]);
}

function showUnit(i) {
  const u = M.units[i], p = M.units[i - 1], x = M.units[i + 1], kinds = { presentation, caseStudy, finding, activity };
  const link = (v, rel, dir) => v && h('a', { href: '#/u/' + v.id, rel }, [h('span.dir', 0, dir), lt('span', v.title)]);
  render([h('p.crumb', 0, [t('unitOf', i + 1, M.units.length), unitMeta(u)].filter(Boolean).join(' · ')),
    h1(u.title), u.summary && lt('p.lead', u.summary),
    (u.blocks || []).map(b => kinds[b.kind] && b[b.kind] && kinds[b.kind](b[b.kind])),
    h('nav.pager', { 'aria-label': t('pager') }, [link(p, 'prev', '← ' + t('prev')), link(x, 'next', t('next') + ' →')])]);
  return str(u.title);
}
const section = (cls, label, b) => h('section.blk.' + cls, { 'aria-labelledby': 'b-' + b.id }, [h('p.kind', 0, label), lt('h2', b.title, { id: 'b-' + b.id })]);

function presentation(p) {
  const s = section('pres', t('presentation'), p), sl = p.slides || [];
  if ((p.experts || []).length) add(s, h('div.experts', 0, p.experts.map(x => h('div.expert', 0, [
    x.photo && h('img', { src: media(x.photo), alt: '', width: 96, height: 96 }),
    h('div', 0, [h('h3', 0, x.name),
      h('p.meta', 0, [x.role, x.affiliation, x.country && intlName(x.country, 'region', lang)].filter(o => typeof o === 'string' ? o : loc(o))
        .map((o, i) => [i && ' · ', typeof o === 'string' ? o : lt('span', o)])),
      loc(x.bio) && rich(x.bio)])]))));
  if (p.media) add(s, mediaBlock(p.media));
  if (sl.length) {
    let k = 0;
    const items = sl.map((x, i) => h('article.slide', { hidden: i > 0, 'aria-labelledby': 's-' + x.id }, [lt('h3', x.title, { id: 's-' + x.id }), rich(x.content),
      loc(x.notes) && h('details.notes', 0, [h('summary', 0, t('notes')), rich(x.notes)])]));
    const count = h('p.count', { 'aria-live': 'polite' }), prev = btn('', '← ' + t('prevSlide')), next = btn('', t('nextSlide') + ' →');
    const show = d => {
      k = Math.max(0, Math.min(sl.length - 1, k + d));
      items.forEach((e, i) => { e.hidden = i !== k; });
      prev.setAttribute('aria-disabled', k === 0); next.setAttribute('aria-disabled', k === sl.length - 1);
      count.textContent = t('slideOf', k + 1, sl.length);
    };
    prev.onclick = () => show(-1); next.onclick = () => show(1);
    show(0);
    add(s, h('div.slides', { role: 'group', 'aria-label': t('slides') }, [items, sl.length > 1 && h('div.slidebar', 0, [prev, count, next])]));
  }
  return s;
}

/* Captions: file:// forbids <track src>, so the WebVTT text in TEQUIO_DATA.captions becomes cues here */
function parseVTT(s, tt) {
  const sec = x => x.split(':').reduce((a, p) => a * 60 + parseFloat(p), 0);
  s.replace(/\r\n?/g, '\n').split(/\n{2,}/).forEach(b => {
    const l = b.split('\n'), i = l.findIndex(x => x.includes('-->')), m = i >= 0 && /([\d:.]+)\s+-->\s+([\d:.]+)/.exec(l[i]);
    try { if (m) tt.addCue(new VTTCue(sec(m[1]), sec(m[2]), l.slice(i + 1).join('\n').trim())); } catch { /* a bad cue: keep the others */ }
  });
}
function mediaBlock(md) {
  const src = media(md.src), title = str(md.title), f = h('figure.media'), audio = md.kind === 'audio';
  if (md.kind === 'pdf') add(f, h('p', 0, h('a', { href: src }, t('openPdf') + (title ? ': ' + title : ''))));
  else {
    const el = h(audio ? 'audio' : 'video', { controls: true, preload: 'metadata', src, 'aria-label': title || null });
    const caps = md.captions || {}, line = h('p.cue', { hidden: true });
    let missing = false;
    Object.keys(caps).forEach(l => {
      const vtt = (D.captions || {})[caps[l]], name = intlName(l, 'language', lang);
      if (vtt != null) {
        const tt = el.addTextTrack('captions', name, l);
        parseVTT(vtt, tt);
        tt.mode = l !== lang ? 'disabled' : audio ? 'hidden' : 'showing';
        if (audio && l === lang) tt.oncuechange = () => {
          const c = tt.activeCues[0];
          line.textContent = c ? c.text.replace(/<[^>]*>/g, '') : ''; line.hidden = !c;
        };
      } else missing = true;
    });
    add(f, [el, line, title && h('figcaption', 0, title), missing && loc(md.transcript) && h('p.hint', 0, t('noCaptions'))]);
  }
  if (loc(md.transcript)) add(f, h('details.transcript', 0, [h('summary', 0, t('transcript')), rich(md.transcript)]));
  return f;
}

function caseStudy(c) {
  const s = section('case', t('caseStudy'), c), qs = c.questions || [], src = c.sources || [];
  add(s, [c.place && lt('p.meta', c.place), h('h3', 0, t('context')), rich(c.context), h('h3', 0, t('narrative')), rich(c.narrative),
    (c.keyFacts || []).length && h('div.facts', 0, [h('h3', 0, t('keyFacts')), h('ul', 0, c.keyFacts.map(f => lt('li', f)))])]);
  if (qs.length) {
    const tb = table();
    add(s, [h('h3', 0, t('questions')), h('p.hint', 0, [t('notesFor') + ' ', h('strong', 0, tb.name), '. ', h('a', { href: '#/matrix' }, t('changeTable'))]),
      h('ol.questions', 0, qs.map(q => {
        const ta = h('textarea', { id: 'note-' + q.id, rows: 4, 'data-f': 'note', 'data-q': q.id });
        ta.value = tb.notes[q.id] || '';
        return h('li', 0, [lt('label', q.text, { for: 'note-' + q.id }), ta]);
      }))]);
  }
  if (src.length) add(s, [h('h3', 0, t('sources')), h('ul', 0, src.map(x => h('li', 0, okHref(x.href) ? lt('a', x.text, { href: x.href, rel: 'noopener' }) : lt('span', x.text))))]);
  return s;
}

function finding(f) {
  const s = section('find', t('finding') + ' · ' + t(f.kind), f), ds = f.dataset;
  add(s, rich(f.summary));
  (f.charts || []).forEach((c, i) => add(s, chart(c, ds, 'ch-' + f.id + '-' + i)));
  if (ds && (ds.rows || []).length) {
    const cap = 'dt-' + f.id, num = ds.columns.map(c => c.type === 'number' ? 'n' : null);
    add(s, [h('div.scroll', { role: 'region', tabindex: 0, 'aria-labelledby': cap }, h('table.data', 0, [
      h('caption', { id: cap }, t('dataFor') + ' ' + str(f.title)),
      h('thead', 0, h('tr', 0, ds.columns.map((c, i) => lt('th', c.label, { scope: 'col', class: num[i] })))),
      h('tbody', 0, ds.rows.map(r => h('tr', 0, r.map((v, i) => i ? h('td', { class: num[i] }, num[i] && v !== '' && !isNaN(v) ? fmt(+v) : v) : h('th', { scope: 'row' }, v)))))])),
      media(ds.src) && h('p.meta', 0, h('a', { href: media(ds.src) }, t('csv')))]);
  }
  (f.quotes || []).forEach(q => add(s, h('figure.quote', 0, [h('blockquote', 0, lt('p', q.text)), q.attribution && lt('figcaption', q.attribution)])));
  if (f.source) add(s, h('p.meta', 0, [t('source') + ': ', lt('span', f.source)]));
  return s;
}

/* ---- Charts: SVG with role="img", <title> and <desc>; the data table follows ---- */
const COLORS = ['#1f5fa8', '#c2410c', '#2e7d32', '#7b3fa0', '#a61e4d', '#00707a', '#6b5a00', '#4a4a4a'];
function sv(tag, a, parent, text) {
  const e = doc.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const k in a) if (a[k] != null) e.setAttribute(k, typeof a[k] === 'number' ? +a[k].toFixed(1) : a[k]);
  if (text != null) e.textContent = text;
  if (parent) parent.appendChild(e);
  return e;
}
function chart(c, ds, id) {
  const col = k => ds.columns.findIndex(x => x.id === k), ci = ds ? col(c.category) : -1, vi = ci < 0 ? [] : (c.values || []).map(col).filter(i => i >= 0);
  if (!vi.length || !(ds.rows || []).length) return null;
  const W = 400, g = sv('g'), cats = ds.rows.map(r => r[ci]), sum = a => a.reduce((x, y) => x + y, 0), color = i => COLORS[i % 8];
  const series = (c.type === 'pie' ? vi.slice(0, 1) : vi).map(i => ({ name: str(ds.columns[i].label), v: ds.rows.map(r => Math.max(0, parseFloat(r[i]) || 0)) }));
  const text = (x, y, s, a) => sv('text', Object.assign({ x, y }, a), g, s);
  let y = 0, H;
  const legend = () => {
    if (series.length < 2) return;
    let x = 0;
    series.forEach((s, i) => {
      const w = 26 + s.name.length * 8.2;
      if (x && x + w > W) { x = 0; y += 22; }
      sv('rect', { x, y: y + 2, width: 14, height: 14, fill: color(i) }, g);
      text(x + 20, y + 14, s.name);
      x += w + 12;
    });
    y += 32;
  };
  if (c.type === 'bar' || c.type === 'stacked-bar') {
    const st = c.type === 'stacked-bar', bh = st ? 22 : 16;
    const max = Math.max(1e-9, ...cats.map((_, k) => (st ? sum : a => Math.max(...a))(series.map(s => s.v[k])))), L = (W - 64) / max;
    legend();
    cats.forEach((cat, k) => {
      text(0, y + 14, cat);
      y += 20;
      let x = 0;
      series.forEach((s, i) => {
        sv('rect', { x, y, width: Math.max(s.v[k] * L, 0.5), height: bh, fill: color(i), stroke: st ? '#fff' : null }, g);
        if (st) x += s.v[k] * L;
        else { text(s.v[k] * L + 6, y + 13, fmt(s.v[k])); y += bh + 3; }
      });
      if (st) { text(x + 6, y + 16, fmt(sum(series.map(s => s.v[k])))); y += bh + 3; }
      y += 10;
    });
    H = y;
  } else if (c.type === 'line') {
    legend();
    const max = Math.max(1e-9, ...series.map(s => Math.max(...s.v))), p10 = 10 ** Math.floor(Math.log10(max / 5));
    const step = [1, 2, 5, 10].map(m => m * p10).find(v => v * 5 >= max), top = Math.ceil(max / step) * step;
    const x0 = 52, x1 = W - 12, y0 = y + 8, y1 = y + 220, n = cats.length, every = Math.ceil(n * 60 / (x1 - x0));
    const X = k => n > 1 ? x0 + (x1 - x0) * k / (n - 1) : (x0 + x1) / 2, Y = v => y1 - (y1 - y0) * v / top;
    for (let v = 0; v <= top + step / 2; v += step) {
      sv('line', { x1: x0, x2: x1, y1: Y(v), y2: Y(v), stroke: v ? '#d0d4d9' : '#555' }, g);
      text(x0 - 6, Y(v) + 5, fmt(v), { 'text-anchor': 'end' });
    }
    cats.forEach((cat, k) => k % every || text(X(k), y1 + 22, cat, { 'text-anchor': n < 2 ? 'middle' : k ? (k === n - 1 ? 'end' : 'middle') : 'start' }));
    series.forEach((s, i) => {
      sv('polyline', { points: s.v.map((v, k) => X(k).toFixed(1) + ',' + Y(v).toFixed(1)).join(' '), fill: 'none', stroke: color(i), 'stroke-width': 3, 'stroke-dasharray': ['', '8 4', '2 4', '12 4 2 4'][i % 4] || null }, g);
      s.v.forEach((v, k) => sv('circle', { cx: X(k), cy: Y(v), r: 4.5, fill: color(i) }, g));
    });
    H = y1 + 32;
  } else if (c.type === 'pie') {
    const v = series[0].v, total = sum(v) || 1, r = 100, P = a => (200 + r * Math.cos(a)).toFixed(2) + ' ' + (105 + r * Math.sin(a)).toFixed(2);
    let a0 = -Math.PI / 2;
    v.forEach((val, k) => {
      const a1 = a0 + val / total * 2 * Math.PI;
      if (val >= total) sv('circle', { cx: 200, cy: 105, r, fill: color(k) }, g);
      else if (val > 0) sv('path', { d: 'M200 105L' + P(a0) + 'A' + r + ' ' + r + ' 0 ' + (a1 - a0 > Math.PI ? 1 : 0) + ' 1 ' + P(a1) + 'Z', fill: color(k), stroke: '#fff', 'stroke-width': 2 }, g);
      a0 = a1;
      sv('rect', { x: 0, y: 225 + k * 26, width: 14, height: 14, fill: color(k) }, g);
      text(20, 237 + k * 26, cats[k] + ': ' + fmt(Math.round(val / total * 1000) / 10) + ' %');
    });
    H = 230 + cats.length * 26;
  } else return null;
  const title = str(c.title), desc = str(c.description) || t('chartTable');
  H = Math.ceil(H);
  const svg = sv('svg', { role: 'img', viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, 'aria-labelledby': id + '-t', 'aria-describedby': id + '-d', 'font-size': 15, fill: '#1b1b1b' });
  sv('title', { id: id + '-t' }, svg, title);
  sv('desc', { id: id + '-d' }, svg, desc);
  svg.appendChild(g);
  return h('figure.chart', 0, [h('figcaption', 0, title), svg, h('p.meta', { 'aria-hidden': 'true' }, desc)]);
}

function activity(a) {
  const s = section('act', [t('activity'), t(a.kind), a.minutes && t('min', a.minutes)].filter(Boolean).join(' · '), a);
  const mx = M.matrices.find(x => x.id === a.matrix);
  return add(s, [rich(a.instructions), mx && h('p', 0, h('a.btn.primary', { href: '#/matrix/' + mx.id }, t('openMatrix') + ': ' + str(mx.title)))]);
}

function showGlossary(term) {
  render([h1(t('glossary')), S.view && h('p', 0, h('a', { href: S.view }, '← ' + t('back'))),
    h('dl.glossary', 0, M.glossary.slice().sort((a, b) => str(a.label).localeCompare(str(b.label), lang)).map(g =>
      [lt('dt', g.label, { id: 'term-' + g.id, tabindex: -1, class: g.id === term ? 'hl' : null }), h('dd', 0, rich(g.definition))]))]);
  focusTo = term && $('term-' + term);
  return t('glossary');
}

/* ---- The matrix of a working table: table details, members, rows ---- */
let MX = null, showReq = false, undo = null;
const rowsOf = tb => tb.rows[MX.id] || (tb.rows[MX.id] = [{ id: uid(), c: {} }]);
function field(id, label, value, f, a) {
  const i = h('input', Object.assign({ id, type: 'text', 'data-f': f, autocomplete: 'off' }, a));
  i.value = value || '';
  return h('div.field', 0, [h('label', { for: id }, label), i]);
}
const panel = (id, title, kids) => h('section.panel', { 'aria-labelledby': id }, [h('h2', { id }, t(title)), kids]);
function showMatrix(mx) {
  MX = mx; showReq = false; undo = null;
  const tb = table();
  render([h('p.crumb', 0, t('workTables')), h1(mx.title),
    M.matrices.length > 1 && h('ul.inline', 0, M.matrices.filter(x => x !== mx).map(x => h('li', 0, h('a', { href: '#/matrix/' + x.id }, str(x.title))))),
    h('p.lead', 0, t('matrixIntro')),
    panel('tbl-h', 'yourTable', [
      h('div.tablebar', 0, [h('label', { for: 'table-select' }, t('activeTable')), h('select', { id: 'table-select' }),
        btn('tbl-new', t('newTable'), { id: 'table-new' }), btn('tbl-del', t('delTable'), { id: 'table-delete' }, 'danger')]),
      h('div.confirm', { id: 'del-confirm', hidden: true }, [h('p', { id: 'del-q' }),
        btn('tbl-yes', t('yesDel'), { id: 'table-delete-confirm' }, 'danger'), ' ', btn('tbl-no', t('cancel'), { id: 'table-delete-cancel' })]),
      h('div.fields', 0, [field('table-name', t('tableName'), tb.name, 'name', { 'aria-required': 'true', 'aria-describedby': 'm-table-name' }),
        field('table-municipality', t('municipality'), tb.municipality, 'muni')]),
      h('p.msg', { id: 'm-table-name', hidden: true }),
      h('fieldset.members', 0, [h('legend', 0, t('members')), h('ol', { id: 'members' }), btn('mem-add', '+ ' + t('addMember'), { id: 'member-add' })])]),
    panel('rows-h', 'rows', [
      h('div.guide', 0, [h('h3', 0, t('columns')), h('p.hint', 0, t('reqHint')), h('ol.cols', 0, mx.columns.map(c => {
        const help = loc(c.help);
        return h('li', 0, [h('span.cl', 0, [lt('span', c.label), c.required && h('span.req', 0, ' *')]),
          c.maxLength && h('span.meta', 0, ' · ' + t('maxChars', c.maxLength)),
          help && btn('help', [t('help'), vh(': ' + str(c.label))], { 'aria-expanded': 'false', 'aria-controls': 'help-' + c.id }, 'help-btn'),
          help && lt('p.help', c.help, { id: 'help-' + c.id, hidden: true })]);
      }))]),
      h('ol.rows', { id: 'rows' }), h('p.hint', { id: 'no-rows' }, t('noRows')), btn('row-add', '+ ' + t('addRow'), { id: 'row-add' }),
      h('p.rowstatus', 0, [h('span', { id: 'row-status', role: 'status' }), ' ', btn('row-undo', t('undo'), { id: 'row-undo', hidden: true })])]),
    panel('io-h', 'saveShare', [h('p', 0, t('exportHint')),
      btn('export', t('download'), { id: 'export' }, 'primary'),
      h('div.errors', { id: 'export-errors', tabindex: -1, hidden: true }), h('p', { id: 'export-status', role: 'status' }),
      h('div.field', 0, [h('label', { for: 'import-file' }, t('load')), h('input', { id: 'import-file', type: 'file', accept: '.xml,application/xml,text/xml' })]),
      h('p', { id: 'import-status', role: 'status' })])]);
  S.tables.forEach(id => { const x = T[id] || get(tkey(id)); if (x) add($('table-select'), h('option', { value: id, selected: id === tb.id }, x.name || '—')); });
  fillMembers(tb);
  rowsOf(tb).forEach(r => add($('rows'), rowEl(r)));
  numberRows();
  return str(mx.title);
}
function fillMembers(tb) {
  const ol = $('members');
  ol.textContent = '';
  tb.members.forEach((m, i) => {
    const p = 'mem-' + i + '-', sel = h('select', { id: p + 'sector', 'data-f': 'msector', 'data-i': i, 'aria-required': 'true' },
      [h('option', { value: '' }, t('chooseSector')), SECTORS.map(s => h('option', { value: s }, t(s)))]);
    sel.value = m.sector || '';
    add(ol, h('li.member', 0, [field(p + 'name', t('name'), m.name, 'mname', { 'data-i': i }), h('div.field', 0, [h('label', { for: p + 'sector' }, t('sector')), sel]),
      field(p + 'role', t('role'), m.role, 'mrole', { 'data-i': i }),
      btn('mem-del', [t('removeMember'), vh(' ' + (m.name || t('memberN', i + 1)))], { 'data-i': i }, 'danger')]));
  });
}
function rowEl(r) {
  return h('li.mrow', { 'data-row': r.id }, h('fieldset', 0, [h('legend'),
    h('div.rowbar', 0, [btn('row-up', '↑ ' + t('up'), 0, 'row-up'), btn('row-down', '↓ ' + t('down'), 0, 'row-down'), btn('row-del', '✕ ' + t('remove'), 0, 'row-remove danger')]),
    h('div.cells', 0, MX.columns.map(c => {
      const id = 'c-' + r.id + '-' + c.id, ta = h('textarea', { id, rows: 4, 'data-f': 'cell', 'data-col': c.id, 'aria-required': c.required ? 'true' : null,
        'aria-describedby': [c.maxLength && 'n-' + id, 'm-' + id, loc(c.help) && 'help-' + c.id].filter(Boolean).join(' ') });
      ta.value = r.c[c.id] || '';
      const cell = h('div.cell', 0, [h('label', { for: id }, [lt('span', c.label), c.required && h('span.req', { 'aria-hidden': 'true' }, ' *')]),
        ta, c.maxLength && h('p.cnt', { id: 'n-' + id }), h('p.msg', { id: 'm-' + id, hidden: true })]);
      check(ta, r);
      return cell;
    }))]));
}
function numberRows() {
  const lis = $('rows').children, n = lis.length;
  for (let i = 0; i < n; i++) {
    const [u, d, x] = lis[i].querySelector('.rowbar').children, a = (e, k, v) => e.setAttribute(k, v);
    lis[i].querySelector('legend').textContent = t('rowN', i + 1);
    a(u, 'aria-label', t('rowUp', i + 1)); a(d, 'aria-label', t('rowDown', i + 1)); a(x, 'aria-label', t('rowDel', i + 1));
    a(u, 'aria-disabled', i === 0); a(d, 'aria-disabled', i === n - 1);
  }
  $('no-rows').hidden = n > 0;
}
const rowEmpty = (r, mx = MX) => mx.columns.every(c => blank(r.c[c.id]));
function problem(c, r, v) {
  const n = chars(v || '');
  return c.maxLength && n > c.maxLength ? t('tooLong', n - c.maxLength, c.maxLength) : showReq && c.required && blank(v) && !rowEmpty(r) ? t('required') : '';
}
/* Updates one cell's counter and message */
function check(ta, r) {
  const c = MX.columns.find(x => x.id === ta.dataset.col), cell = ta.parentNode, cnt = cell.querySelector('.cnt'), m = cell.querySelector('.msg'), msg = problem(c, r, ta.value);
  if (cnt) { const n = chars(ta.value); cnt.textContent = n + ' / ' + c.maxLength; cnt.classList.toggle('over', n > c.maxLength); }
  if (m.textContent !== msg) { m.textContent = msg; m.hidden = !msg; }
  if (msg) ta.setAttribute('aria-invalid', 'true'); else ta.removeAttribute('aria-invalid');
}
const checkRow = (li, r) => li.querySelectorAll('textarea').forEach(ta => check(ta, r));

function onInput(e) {
  const t0 = performance.now(), el = e.target, f = el.dataset.f, v = el.value;
  if (!f) return;
  const tb = table(), now = Math.floor(Date.now() / 1e3), tt = tb.t = obj(tb.t);
  if (f === 'cell') {
    const li = el.closest('.mrow'), r = rowsOf(tb).find(x => x.id === li.dataset.row), was = rowEmpty(r);
    r.c[el.dataset.col] = v; (r.t = obj(r.t))[el.dataset.col] = now;
    if (showReq && was !== rowEmpty(r)) checkRow(li, r); else check(el, r);
    saveR(r);
  } else if (f === 'note') tb.notes[el.dataset.q] = v, tt['q:' + el.dataset.q] = now;
  else if (f === 'name') { tb.name = v; tt.name = now; const o = $('table-select').selectedOptions[0]; if (o) o.textContent = v || '—'; }
  else if (f === 'muni') tb.municipality = v, tt.municipality = now;
  else tb.members[el.dataset.i][f.slice(1)] = v;
  tb.modified = iso();
  saveT(tb);
  hook.lastSaveMs = performance.now() - t0;
}

function rowAction(act, b) {
  const tb = table(), rows = rowsOf(tb), ol = $('rows'), tell = s => { $('row-status').textContent = s; }, u = $('row-undo');
  if (act === 'row-undo' && !undo) return;
  tb.modified = iso();
  if (act === 'row-add' || act === 'row-undo') {
    const isAdd = act === 'row-add', r = isAdd ? { id: uid(), c: {} } : undo.r, k = isAdd ? rows.length : Math.min(undo.i, rows.length);
    rows.splice(k, 0, r); saveR(r); saveT(tb);
    ol.insertBefore(rowEl(r), ol.children[k] || null); numberRows();
    tell(isAdd ? t('rowAdded', k + 1) : ''); u.hidden = true; undo = null;
    return ol.children[k].querySelector('textarea').focus();
  }
  const li = b.closest('.mrow'), i = rows.findIndex(r => r.id === li.dataset.row), off = () => b.getAttribute('aria-disabled') === 'true';
  if (off()) return;
  if (act === 'row-del') {
    undo = { r: rows.splice(i, 1)[0], i };
    if (LS) LS.removeItem(rkey(undo.r.id));
    saveT(tb);
    li.remove(); numberRows();
    tell(t('rowRemoved', i + 1)); u.hidden = false; u.focus();
    return;
  }
  const j = act === 'row-up' ? i - 1 : i + 1;
  rows.splice(j, 0, rows.splice(i, 1)[0]); saveT(tb);
  ol.insertBefore(li, ol.children[act === 'row-up' ? j : j + 1] || null); numberRows();
  tell(t('rowMoved', j + 1));
  (off() ? li.querySelector(act === 'row-up' ? '.row-down' : '.row-up') : b).focus();
}

function onClick(e) {
  const b = e.target.closest('[data-act]'), act = b && b.dataset.act;
  if (!act) return;
  const tb = /^(mem|tbl)/.test(act) && table(), focus = id => $(id).focus();
  if (act === 'lang') {
    lang = S.lang = b.dataset.lang; saveS(); chrome(); go(current);
    doc.querySelector('#lang-switch [aria-pressed="true"]').focus();
  } else if (act.startsWith('row-')) rowAction(act, b);
  else if (act === 'help') {
    const open = b.getAttribute('aria-expanded') !== 'true';
    b.setAttribute('aria-expanded', open); $(b.getAttribute('aria-controls')).hidden = !open;
  } else if (act === 'mem-add') { tb.members.push({ name: '', sector: '', role: '' }); tb.modified = iso(); saveT(tb); fillMembers(tb); focus('mem-' + (tb.members.length - 1) + '-name'); }
  else if (act === 'mem-del') { tb.members.splice(b.dataset.i, 1); tb.modified = iso(); saveT(tb); fillMembers(tb); focus('member-add'); }
  else if (act === 'tbl-new') { newTable(); go(current); $('table-name').select(); }
  else if (act === 'tbl-del') { $('del-q').textContent = t('confirmDel', tb.name); $('del-confirm').hidden = false; focus('table-delete-cancel'); }
  else if (act === 'tbl-no') { $('del-confirm').hidden = true; focus('table-delete'); }
  else if (act === 'tbl-yes') {
    if (LS) drop(tb.id);
    delete T[tb.id]; S.tables = S.tables.filter(x => x !== tb.id); S.cur = S.tables[0]; saveS();
    go(current); focus('table-select');
  } else if (act.startsWith('export')) exportMatrix(act === 'export-force');
  else if (act === 'goto') focus(b.dataset.target);
  else if (act === 'finish') say('info', t(host('terminate', summary()) === true ? 'finished' : 'notFinished'));
}

function onChange(e) {
  const el = e.target;
  if (el.tagName === 'SELECT' && el.dataset.f) onInput(e);
  else if (el.id === 'table-select') { S.cur = el.value; saveS(); go(current); $('table-select').focus(); }
  else if (el.id === 'import-file' && el.files[0]) {
    const r = new FileReader();
    r.onload = () => importMatrix(String(r.result));
    r.onerror = () => bad('readErr');
    r.readAsText(el.files[0], 'UTF-8');
    el.value = '';
  }
}

/* ---- Export in the completed-matrix format, built as a DOM: escaping by construction ---- */
const XNS = 'urn:tequio:completed-matrix:1', XML = 'http://www.w3.org/XML/1998/namespace';
const xmlText = s => String(s || '').replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
function buildXML(tb, draft) {
  const d = doc.implementation.createDocument(XNS, 'completed-matrix', null), root = d.documentElement;
  const el = (parent, name, text, depth, attr) => {
    parent.appendChild(d.createTextNode('\n' + '  '.repeat(depth)));
    const e = parent.appendChild(d.createElementNS(XNS, name));
    if (text != null) e.textContent = xmlText(text);
    if (attr) e.setAttribute(attr[0], attr[1]);
    return e;
  };
  const end = (e, depth) => { if (e.firstChild) e.appendChild(d.createTextNode('\n' + '  '.repeat(depth))); };
  [['format', 1], ['module', M.id], ['module-version', M.version], ['matrix', MX.id]].forEach(a => root.setAttribute(a[0], a[1]));
  root.setAttributeNS(XML, 'xml:lang', tb.lang || lang);
  [['draft', draft], ['created', tb.created], ['modified', tb.modified]].forEach(a => root.setAttribute(a[0], a[1]));
  const tbl = el(root, 'table', null, 1);
  el(tbl, 'name', tb.name, 2); el(tbl, 'municipality', tb.municipality, 2); end(tbl, 1);
  const ms = el(root, 'members', null, 1);
  tb.members.filter(m => !blank(m.name)).forEach(m => {
    const me = el(ms, 'member', null, 2, ['sector', SECTORS.includes(m.sector) ? m.sector : 'other']);
    el(me, 'name', m.name, 3);
    if (!blank(m.role)) el(me, 'role', m.role, 3);
    end(me, 2);
  });
  end(ms, 1);
  const rs = el(root, 'rows', null, 1);
  rowsOf(tb).filter(r => !rowEmpty(r)).forEach(r => {
    const re = el(rs, 'row', null, 2);
    MX.columns.forEach(c => blank(r.c[c.id]) || el(re, 'cell', r.c[c.id], 3, ['column', c.id]));
    end(re, 2);
  });
  end(rs, 1);
  const notes = Object.keys(tb.notes).filter(q => !blank(tb.notes[q]));
  if (notes.length) {
    const ns = el(root, 'notes', null, 1);
    notes.forEach(q => el(ns, 'note', tb.notes[q], 2, ['question', q]));
    end(ns, 1);
  }
  end(root, 0);
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(d) + '\n';
}
const slug = s => (s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'mesa';
function exportMatrix(force) {
  const tb = table(), box = $('export-errors'), probs = [], nm = $('m-table-name'), rows = rowsOf(tb);
  showReq = true;
  for (const li of $('rows').children) checkRow(li, rows.find(r => r.id === li.dataset.row));
  nm.textContent = t('noName'); nm.hidden = !blank(tb.name);
  if (blank(tb.name)) probs.push(['table-name', t('noName')]);
  tb.members.forEach((m, i) => blank(m.name) || m.sector || probs.push(['mem-' + i + '-sector', t('noSector', m.name)]));
  rows.forEach((r, i) => MX.columns.forEach(c => {
    const p = problem(c, r, r.c[c.id]);
    if (p) probs.push(['c-' + r.id + '-' + c.id, t('rowN', i + 1) + ' · ' + str(c.label) + ': ' + p]);
  }));
  if (probs.length && !force) {
    box.textContent = '';
    add(box, [h('h3', 0, t('problems', probs.length)), h('ul', 0, probs.map(p => h('li', 0, btn('goto', p[1], { 'data-target': p[0] }, 'link')))),
      btn('export-force', t('downloadAnyway'), { id: 'export-anyway' })]);
    box.hidden = false; box.focus();
    return;
  }
  box.hidden = true;
  const draft = (tb.draft || 0) + 1, d = new Date();
  const name = M.id + '-' + slug(tb.name) + (M.matrices.length > 1 ? '-' + MX.id : '') + '-' + d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + '.xml';
  const url = URL.createObjectURL(new Blob([buildXML(tb, draft)], { type: 'application/xml' })), a = h('a', { href: url, download: name, hidden: true });
  doc.body.appendChild(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  tb.draft = draft; saveT(tb);
  $('export-status').textContent = t('downloaded', name, draft);
  if (force) $('export').focus();
}

/* ---- Import. The fragment parser of a detached XML document throws on a malformed file or a DOCTYPE, where
   DOMParser would insert a <parsererror style="…"> that the page's CSP reports as an error ---- */
function importMsg(s, err) { const e = $('import-status'); e.textContent = s; e.classList.toggle('err', !!err); }
const bad = (k, ...a) => importMsg(t(k, ...a), true);
function importMatrix(text) {
  const xd = doc.implementation.createDocument(null, 'x', null), range = xd.createRange();
  let f;
  range.selectNodeContents(xd.documentElement);
  try { f = range.createContextualFragment(text.replace(/^\uFEFF?\s*<\?xml[^>]*>/, '')); } catch { return bad('notXml'); }
  const root = f.firstElementChild, at = n => root.getAttribute(n) || '';
  if (!root || f.children.length > 1 || root.namespaceURI !== XNS || root.localName !== 'completed-matrix') return bad('notMatrix');
  if (at('module') !== M.id) return bad('wrongModule', at('module'), M.id);
  if (at('module-version') !== M.version) return bad('wrongVersion', at('module-version'), M.version);
  const mx = M.matrices.find(x => x.id === at('matrix'));
  if (!mx) return bad('unknownMatrix', at('matrix'));
  const kids = (e, n) => e ? [...e.children].filter(c => c.namespaceURI === XNS && c.localName === n) : [];
  const txt = (e, n) => (kids(e, n)[0] || {}).textContent || '', one = n => kids(root, n)[0], unknown = new Set(), notes = {};
  const members = kids(one('members'), 'member').map(m => ({ name: txt(m, 'name'), sector: m.getAttribute('sector') || 'other', role: txt(m, 'role') }));
  const rows = kids(one('rows'), 'row').map(r => {
    const c = {};
    kids(r, 'cell').forEach(x => { const k = x.getAttribute('column'); if (mx.columns.some(y => y.id === k)) c[k] = x.textContent; else unknown.add(k); });
    return { id: uid(), c };
  });
  kids(one('notes'), 'note').forEach(n => { notes[n.getAttribute('question')] = n.textContent; });
  const draft = parseInt(at('draft'), 10) || 0, now = iso();
  const tb = newTable({ name: txt(one('table') || null, 'name'), municipality: txt(one('table') || null, 'municipality'), lang: root.getAttributeNS(XML, 'lang') || lang,
    created: at('created') || now, modified: at('modified') || now, draft, members, rows: { [mx.id]: rows }, notes });
  go('#/matrix/' + mx.id, false);
  if (location.hash !== current) location.replace(current);
  importMsg(t('loaded', tb.name, draft, rows.length, members.length) + (unknown.size ? ' ' + t('unknownCols', [...unknown].join(', ')) : ''));
  $('import-file').focus();
}

/* ---- Start: render only the current screen ---- */
view.addEventListener('input', onInput);
view.addEventListener('change', onChange);
doc.addEventListener('click', onClick);
$('nav-toggle').onclick = () => setNav(!doc.body.classList.contains('nav-open'));
$('skip').onclick = e => { e.preventDefault(); ($('page-title') || $('main')).focus(); };
shownKind = LS ? null : 'noStore';
const hs = host('loadState');
if (obj(hs).savedAt && (hs.module || M.id) === M.id && (hs.version || M.version) === M.version) {
  merge(hs);
  if (langs.includes(S.lang)) lang = S.lang;
}
$('finish').hidden = !HOST || HOST.connected === false;
if (HOST) addEventListener('pagehide', () => host('terminate', summary()));
doc.addEventListener('tequio:message', e => say(obj(e.detail).level, obj(e.detail).text));
chrome();
go(/^#\//.test(location.hash) ? location.hash : S.view || '#/');
if (location.hash !== current) location.replace(current);
addEventListener('hashchange', () => { if (location.hash !== current) go(location.hash, true); });
/* The module open in another tab: reload what it saved, so this one never writes stale data */
let sync = 0;
addEventListener('storage', e => {
  if (e.key && !e.key.startsWith(KEY)) return;
  clearTimeout(sync);
  sync = setTimeout(() => {
    const id = doc.activeElement && doc.activeElement.id, l = lang;
    Object.assign(S, get(KEY));
    for (const k in T) delete T[k];
    if (langs.includes(S.lang) && S.lang !== l) { lang = S.lang; chrome(); }
    go(current);
    if (id && $(id)) $(id).focus();
  }, 150);
});
performance.mark('tequio-first-render');
emit('ready');
})();
