/* ---- The host's copy of the state (an LMS may hand back an older copy, a newer one or one saved on another
   computer) is merged into this browser's; nothing is dropped (docs/lms-guide.md):
   - working tables and matrix rows are matched by id, members by name; one found on one side only is kept (a row
     without text need not be); the newer copy's order is kept, the other's extras follow their predecessor;
   - a text (cell, note, table name, municipality) found on one side only is kept: an emptied text never wins;
   - a cell's alternative texts (review.js) come from the copy that edited the cell later, from both when neither
     did; review notes from both, once each, addressed when either copy says so;
   - two different texts: the later edit wins when both carry an edit time (each cell, note, table name and
     municipality has one); else the one that contains the other; else both are kept, the newer copy's first,
     separated by a line "— — —", and the participant is asked to check them;
   - a table's other fields come from its newer copy (modified), the screen, language and active table from the
     newer state (savedAt); units seen from both. The result is saved here and, when it differs, to the host. */
const timeOf = x => Date.parse(x) || 0, keysOfBoth = (p, q) => [...new Set(Object.keys(p).concat(Object.keys(q)))];
const laterTimes = (p, q) => {
  const times = Object.assign({}, p);
  for (const k in q) times[k] = Math.max(+times[k] || 0, +q[k] || 0);
  return times;
};
let clashes = 0;
function mergeText(a, b, timeA, timeB, separator = '\n— — —\n') {
  a = String(a ?? ''); b = String(b ?? '');
  return a === b || isBlank(b) ? a : isBlank(a) ? b : timeA && timeB && timeA !== timeB ? (timeA > timeB ? a : b)
    : a.includes(b) ? a : b.includes(a) ? b : (clashes++, a + separator + b);
}
/* The elements of a (merged with their match in b by key), and b's unmatched ones that keep(y) */
function mergeLists(a, b, key, mergeTwo, keep) {
  const result = a.map(x => { const y = b.find(z => key(z) === key(x)); return y ? mergeTwo(x, y) : x; });
  b.forEach((y, i) => result.some(x => key(x) === key(y)) || !keep(y)
    || result.splice(result.findIndex(x => key(x) === key(b[i - 1] || {})) + 1, 0, y));
  return result;
}
function mergeTable(p, q) {
  const [x, y] = timeOf(q.modified) > timeOf(p.modified) ? [q, p] : [p, q], xt = asObject(x.t), yt = asObject(y.t);
  const notes = {}, rows = {}, line = k => mergeText(x[k], y[k], xt[k], yt[k], ' — — — ');
  keysOfBoth(x.notes, y.notes).forEach(n => {
    notes[n] = mergeText(x.notes[n], y.notes[n], xt['q:' + n], yt['q:' + n]);
  });
  keysOfBoth(x.rows, y.rows).forEach(m => {
    rows[m] = mergeLists(x.rows[m] || [], y.rows[m] || [], r => r.id, (r, s) => {
      const cells = {}, rt = asObject(r.t), st = asObject(s.t);
      const ra = asObject(r.a), sa = asObject(s.a), a = {}, n = (s.n || []).reduce(addNote, (r.n || []).slice());
      keysOfBoth(r.c, s.c).forEach(k => { cells[k] = mergeText(r.c[k], s.c[k], rt[k], st[k]); });
      keysOfBoth(ra, sa).forEach(k => {
        const later = (rt[k] || 0) - (st[k] || 0);
        [].concat(later < 0 ? [] : ra[k] || [], later > 0 ? [] : sa[k] || []).forEach(x => addAlternative(a, k, x));
      });
      return { id: r.id, c: cells, t: laterTimes(rt, st), a: Object.keys(a).length ? a : void 0,
        n: n.length ? n : void 0 };
    }, r => r.a || r.n || !Object.values(r.c).every(isBlank));
  });
  return Object.assign({}, y, x, { notes, rows, t: laterTimes(xt, yt), draft: Math.max(x.draft || 0, y.draft || 0),
    name: line('name'), municipality: line('municipality'),
    members: mergeLists(x.members, y.members, m => String(m.name || '').trim(), m => m, m => !isBlank(m.name)) });
}
/* JSON with every object's keys sorted, to compare two states */
const canonical = v => JSON.stringify(v, (k, x) => x && typeof x === 'object' && !Array.isArray(x)
  ? Object.fromEntries(Object.entries(x).sort()) : x);
function mergeHostState(hostState) {
  const newer = timeOf(hostState.savedAt) > timeOf(saved.savedAt), top = newer ? hostState : saved;
  const seen = Object.assign({}, asObject(hostState.seen), saved.seen), fromTop = {};
  let hostTables, merged;
  clashes = 0;
  try {
    hostTables = hostState.tables.map(x => Object.assign({ name: '' }, x, {
      members: (x.members || []).filter(asObject), notes: asObject(x.notes), t: asObject(x.t),
      rows: Object.fromEntries(Object.entries(x.rows || {}).map(([m, rows]) =>
        [m, rows.filter(r => r.id).map(r => ({ id: r.id, c: asObject(r.c), t: asObject(r.t),
          a: r.a ? asObject(r.a) : void 0, n: Array.isArray(r.n) ? r.n : void 0 }))])) }));
    const local = allTables();
    merged = mergeLists(newer ? hostTables : local, newer ? local : hostTables, x => x.id, mergeTable, () => 1);
  } catch { return; } /* not a state this player wrote: keep the local one */
  ['lang', 'view', 'unit', 'cur', 'savedAt'].forEach(k => { if (typeof top[k] === 'string') fromTop[k] = top[k]; });
  if (storage) saved.tables.forEach(removeStoredTable);
  for (const k in saved) delete saved[k];
  Object.assign(saved, { seen, tables: [] });
  merged.forEach(x => newTable(x, 1));
  Object.assign(saved, fromTop);
  if (!saved.tables.includes(saved.cur)) saved.cur = saved.tables[0];
  writeStored(STORE_KEY, saved);
  if (clashes) showMessage('warning', t('merged'));
  if (canonical([merged, seen]) !== canonical([hostTables, asObject(hostState.seen)])) saveIndex();
}
