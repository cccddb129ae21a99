/* Saving on every edit. Under STORE_KEY the index (language, screen, units seen, table ids), each working table
   and each matrix row under a key of its own. The changed row and table records are written, then the index with
   savedAt; then the host gets the whole state and a summary, and tequio:saved is sent. */
const STORE_KEY = 'tequio:' + module.id + ':' + module.version;
const tableKey = id => STORE_KEY + ':table:' + id, rowKey = id => STORE_KEY + ':row:' + id;
let storage = null;
try {
  storage = localStorage;
  storage.setItem(STORE_KEY + ':probe', '1');
  storage.removeItem(STORE_KEY + ':probe');
} catch {
  storage = null;
}
const readStored = key => { try { return JSON.parse(storage.getItem(key)); } catch { return null; } };
const saved = Object.assign({ tables: [], seen: {} }, readStored(STORE_KEY)), tableCache = {};

const tequioPlayer = window.tequioPlayer = { key: STORE_KEY, lastSaveMs: 0 }, HOST = window.TEQUIO_HOST;
let shownStatus = '', shownStatusKind = null, saveFailed = false;
/* kind: 'saved', 'saveErr', 'noStore', or null for "autosave on" */
function showSaveStatus(kind) {
  shownStatusKind = kind;
  const now = new Date(), time = twoDigits(now.getHours()) + ':' + twoDigits(now.getMinutes());
  const text = kind === 'saved' ? t('saved', time) : t(kind || 'autosave');
  if (text !== shownStatus) {
    const line = $('save-status');
    line.textContent = shownStatus = text;
    line.classList.toggle('err', kind === 'saveErr' || kind === 'noStore');
  }
}
function showMessage(level, text) {
  const line = $('msg');
  line.textContent = text ? String(text) : '';
  line.className = text && level === 'warning' ? 'warn' : '';
}
function writeStored(key, value) {
  if (storage) try { storage.setItem(key, JSON.stringify(value)); } catch { saveFailed = true; }
}
/* A row is stored as [cells, edit times, {a: alternative texts, n: review notes}] (review.js); only the cells
   before edit times were kept */
const saveRow = row => writeStored(rowKey(row.id), [row.c, row.t || {}, { a: row.a, n: row.n }]);
const saveTable = table => { writeTable(table); saveIndex(); };
function writeTable(table) {
  const rowIds = {};
  for (const m in table.rows) rowIds[m] = table.rows[m].map(row => row.id);
  writeStored(tableKey(table.id), Object.assign({}, table, { rows: rowIds }));
}
function saveIndex() {
  saved.savedAt = new Date().toISOString();
  writeStored(STORE_KEY, saved);
  showSaveStatus(storage ? saveFailed ? 'saveErr' : 'saved' : 'noStore');
  saveFailed = false;
  const summaryNow = HOST && summary();
  if (summaryNow) callHost('saveState', fullState(), summaryNow);
  emit('saved', summaryNow);
}
function loadTable(id) {
  if (tableCache[id] || !storage) return tableCache[id];
  const table = readStored(tableKey(id));
  if (table) for (const m in table.rows) table.rows[m] = table.rows[m].map(rowId => {
    const stored = readStored(rowKey(rowId)), isPair = Array.isArray(stored);
    return Object.assign({ id: rowId, c: asObject(isPair ? stored[0] : stored), t: asObject(isPair && stored[1]) },
      isPair && stored[2]);
  });
  return (tableCache[id] = table);
}
function removeStoredTable(id) {
  const stored = asObject(readStored(tableKey(id)));
  for (const m in stored.rows) stored.rows[m].forEach(rowId => storage.removeItem(rowKey(rowId)));
  storage.removeItem(tableKey(id));
  delete tableCache[id];
}
const activeTable = () => (saved.cur && loadTable(saved.cur)) || newTable();
function newTable(fields, quiet) {
  saved.tables = saved.tables.filter(id => tableCache[id] || readStored(tableKey(id)));
  const now = isoNow(), table = Object.assign({ id: newId(), name: t('tableN', saved.tables.length + 1),
    municipality: '', lang, created: now, modified: now, draft: 0, members: [], rows: {}, notes: {} }, fields);
  for (const m in table.rows) table.rows[m].forEach(saveRow);
  tableCache[table.id] = table;
  saved.tables.push(table.id);
  saved.cur = table.id;
  (quiet ? writeTable : saveTable)(table);
  return table;
}

/* ---- Host: the state as one object; the host's, when newer, is written back locally (merge.js) ---- */
const callHost = (name, ...args) => {
  try { return HOST && HOST[name] && HOST[name](...args); } catch (e) { tequioPlayer.hostError = String(e); }
};
/* detail.summary is computed when a listener reads it */
const emit = (name, summaryNow) => doc.dispatchEvent(new CustomEvent('tequio:' + name,
  { detail: { get summary() { return (summaryNow = summaryNow || summary()); } } }));
const allTables = () => saved.tables.map(id => loadTable(id)).filter(Boolean);
const fullState = () => Object.assign({ module: module.id, version: module.version }, saved, { tables: allTables() });

/* Complete: every unit seen and, if there is a working-table activity, a row of its matrix (any, if it names
   none) with text in every required column */
const workingTableMatrices = [];
module.units.forEach(u => (u.blocks || []).forEach(b => b.kind === 'activity'
  && asObject(b.activity).kind === 'working-table' && workingTableMatrices.push(b.activity.matrix || '*')));
function summary() {
  const unitCount = module.units.length, seen = module.units.filter(u => saved.seen[u.id]).length, matrices = [];
  let done = !workingTableMatrices.length || !module.matrices.length;
  allTables().forEach(table => module.matrices.forEach(mx => {
    const columns = mx.columns, rows = (table.rows[mx.id] || []).filter(r => !rowIsEmpty(r, mx));
    if (workingTableMatrices.includes(mx.id) || workingTableMatrices.includes('*')) {
      done = done || rows.some(r => columns.every(c => !c.required || !isBlank(r.c[c.id])));
    }
    matrices.push({ tableId: table.id, tableName: table.name, municipality: table.municipality,
      members: table.members.filter(m => !isBlank(m.name)), matrixId: mx.id, columns: columns.map(c => c.id),
      rows: rows.map(r => Object.fromEntries(columns.map(c => [c.id, r.c[c.id] || '']))) });
  }));
  return { unitIndex: Math.max(0, module.units.findIndex(u => u.id === saved.unit)), unitCount,
    visitedCount: seen, completed: seen === unitCount && done, progress: unitCount ? seen / unitCount : 1, matrices };
}
