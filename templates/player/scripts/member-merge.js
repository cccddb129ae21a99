/* ---- Another member's file merged into the working table by the rules of `tequio merge` without a base
   (twoWay in Sources/TequioModel/Compare/MatrixMerge.swift): rows are matched by their words, as RecordMatching.swift
   does; a different text for a cell of a matched row is kept beside the cell's as an alternative, named by its file,
   for the table to choose (review.js); rows only in the file are added after the row they follow there; members are
   joined by name; notes on a question keep both texts; the file's name is recorded (merged-from). Nothing is
   dropped. ---- */
/* The words of a text, lower-cased and without accents (TextTokens.foldedWords), each after a "_" so that none is
   the name of an object's property ("constructor") */
const foldedWords = s => (String(s || '').match(/[\p{L}\p{N}\p{M}]+(?:['’-][\p{L}\p{N}\p{M}]+)*/gu) || [])
  .map(w => '_' + w.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase());
/* {index in rows: index in old} of the rows that are the same row: identical ones pair first, then the most
   similar (the share of words they have in common, Sørensen–Dice) from 0.4 up, nearer positions first */
function matchRows(old, rows, mx) {
  const fields = r => mx.columns.map(c => r.c[c.id] || ''), words = r => foldedWords(fields(r).join(' '));
  const pairs = [], match = {}, taken = new Set(), theirs = rows.map(words);
  const counts = theirs.map(list => list.reduce((n, w) => (n[w] = (n[w] || 0) + 1, n), {}));
  old.forEach((r, i) => {
    const mine = words(r), text = fields(r) + '';
    if (!rowIsEmpty(r, mx)) rows.forEach((s, j) => {
      const left = Object.assign({}, counts[j]), total = mine.length + theirs[j].length;
      const common = mine.filter(w => left[w]-- > 0).length;
      const score = text === fields(s) + '' ? 2 : total ? 2 * common / total : 1;
      if (score >= 0.4) pairs.push([score, i, j]);
    });
  });
  pairs.sort((p, q) => q[0] - p[0] || Math.abs(p[1] - p[2]) - Math.abs(q[1] - q[2]) || p[2] - q[2]);
  pairs.forEach(([, i, j]) => taken.has(i) || j in match || taken.add(match[j] = i));
  return match;
}
/* Merges a file's fields (readMatrixFile) into table; returns [rows added, conflicts left in the matrix] */
function mergeMemberFile(table, mx, f) {
  const rows = table.rows[mx.id] || [], theirs = f.rows[mx.id].filter(r => !rowIsEmpty(r, mx) || r.a || r.n);
  const mine = table.file || table.name || '—', match = matchRows(rows, theirs, mx), after = {};
  const key = m => foldedWords(m.name).join(' ');
  let last = -1;
  theirs.forEach((s, j) => {
    const r = rows[match[j]];
    if (!r) return (after[last] = after[last] || []).push(s);
    last = match[j];
    if (isBlank(r.c[TITLE])) r.c[TITLE] = s.c[TITLE];
    mx.columns.forEach(c => [{ src: f.file, text: s.c[c.id] || '' }].concat((s.a || {})[c.id] || []).forEach(x => {
      const a = { [c.id]: asObject(r.a)[c.id] || [{ src: mine, text: r.c[c.id] || '' }] };
      addAlternative(a, c.id, x);
      if (a[c.id].length > 1) r.a = Object.assign(asObject(r.a), a);
    }));
    if (s.n) r.n = s.n.reduce(addNote, r.n || []);
  });
  table.rows[mx.id] = (after[-1] || []).concat(...rows.map((r, i) => [r].concat(after[i] || [])));
  f.members.forEach(m => {
    const same = table.members.find(x => key(x) === key(m));
    if (!same) table.members.push(m); else if (isBlank(same.role)) same.role = m.role;
  });
  for (const q in f.notes) {
    const text = table.notes[q] || '';
    if (!text.includes(f.notes[q])) table.notes[q] = isBlank(text) ? f.notes[q] : text + '\n\n' + f.notes[q];
  }
  ['name', 'municipality'].forEach(k => { if (isBlank(table[k])) table[k] = f[k]; });
  table.draft = Math.max(table.draft || 0, f.draft);
  table.from = [...new Set((table.from || [mine]).concat(f.file))];
  table.modified = isoNow();
  table.rows[mx.id].forEach(saveRow);
  saveTable(table);
  return [theirs.length - Object.keys(match).length,
    table.rows[mx.id].reduce((n, r) => n + Object.keys(r.a || {}).length, 0)];
}
