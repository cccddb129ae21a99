/* ---- Beside a cell: what the committee said of it and the texts a merge of members' copies found for it. A row
   keeps them as r.n, review notes [{col, kind: 'comment'|'suggestion', by, date, text, done}], and r.a, the cells'
   alternative texts {<column id>: [{src, text}]}: a conflict the table resolves by choosing one or keeping the
   cell's text, after which the column's alternatives go. Both are absent when empty. ---- */
/* x ({src, text}) added to the alternatives a of column k, unless the same text is there */
const addAlternative = (a, k, x) => (a[k] = a[k] || []).some(y => y.text === x.text) || a[k].push(x);
/* The note n added to a list of notes once; one that a copy marked addressed is addressed */
function addNote(list, n) {
  const same = list.find(m => ['col', 'kind', 'by', 'date', 'text'].every(k => m[k] === n[k]));
  if (same) same.done = same.done || n.done; else list.push(Object.assign({}, n));
  return list;
}
/* Shown under the cell of column c (its textarea's id is id) */
function cellReview(r, c, id) {
  const alts = (r.a || {})[c.id], head = 'h-' + id;
  return [alts && elem('div.conflict', { id: 'x-' + id, tabindex: -1, role: 'group', 'aria-labelledby': head }, [
    elem('p.rh', { id: head }, t('conflict')),
    elem('ul.alts', 0, alts.map((x, i) => elem('li', 0, [elem('p.meta', 0, t('source') + ': ' + x.src),
      elem('p.alt', 0, isBlank(x.text) ? t('emptyText') : x.text),
      button('alt-use', [t('chooseText'), visuallyHidden(' (' + x.src + ')')], { 'data-col': c.id, 'data-i': i })]))),
    button('alt-keep', t('keepCell'), { 'data-col': c.id })]),
  (r.n || []).map((n, i) => {
    if (n.col !== c.id) return;
    const when = Date.parse(n.date), suggestion = n.kind === 'suggestion', nid = 'r' + i + id;
    const meta = [n.by, when && new Date(when).toLocaleDateString(lang, { dateStyle: 'long' })].filter(Boolean);
    return elem('div.rnote' + (n.done ? '.done' : ''), { role: 'group', 'aria-labelledby': nid }, [
      elem('p.rh', { id: nid }, t(suggestion ? 'suggestion' : 'comment')),
      meta.length && elem('p.meta', 0, meta.join(' · ')), suggestion && elem('p', 0, t('suggested')),
      elem('p.alt', 0, n.text), suggestion && button('note-use', t('useText'), { 'data-i': i }),
      elem('label.chk', 0, [elem('input', { type: 'checkbox', 'data-act': 'note-done', 'data-i': i, checked: n.done }),
        t('addressed')])]);
  })];
}
/* A note marked addressed (or open again), a suggestion used, a conflict resolved */
function reviewAction(action, b) {
  const table = activeTable(), item = b.closest('.mrow'), r = rowsOf(table).find(x => x.id === item.dataset.row);
  const note = (r.n || [])[b.dataset.i], k = note ? note.col : b.dataset.col;
  if (action === 'note-done') b.closest('.rnote').classList.toggle('done', note.done = b.checked);
  else {
    if (action === 'note-use') {
      r.c[k] = note.text;
      note.done = true;
    } else {
      if (action === 'alt-use') r.c[k] = r.a[k][b.dataset.i].text;
      delete r.a[k];
      if (!Object.keys(r.a).length) delete r.a;
    }
    (r.t = asObject(r.t))[k] = Math.floor(Date.now() / 1e3);
    const fresh = rowElement(r);
    item.replaceWith(fresh);
    fitAreas(fresh);
    numberRows();
    $('c-' + r.id + '-' + k).focus(); /* the cell with its new text */
  }
  table.modified = isoNow();
  saveRow(r);
  saveTable(table);
}
