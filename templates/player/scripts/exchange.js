/* ---- Export in the completed-matrix format, built as a DOM: escaping by construction ---- */
const MATRIX_NS = 'urn:tequio:completed-matrix:1', XML_NS = 'http://www.w3.org/XML/1998/namespace';
const xmlText = s => String(s || '').replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
function matrixXML(table, draft) {
  const xml = doc.implementation.createDocument(MATRIX_NS, 'completed-matrix', null), root = xml.documentElement;
  /* attributes [[name, value]]: a value that is not a string is left out */
  const set = (e, attrs) => attrs.forEach(a => typeof a[1] === 'string' && e.setAttribute(a[0], xmlText(a[1])));
  const child = (parent, name, text, depth, attrs) => {
    parent.appendChild(xml.createTextNode('\n' + '  '.repeat(depth)));
    const e = parent.appendChild(xml.createElementNS(MATRIX_NS, name));
    if (text != null) e.textContent = xmlText(text);
    set(e, attrs || []);
    return e;
  };
  const end = (e, depth) => { if (e.firstChild) e.appendChild(xml.createTextNode('\n' + '  '.repeat(depth))); };
  set(root, [['format', '1'], ['module', module.id], ['module-version', module.version], ['matrix', shownMatrix.id]]);
  root.setAttributeNS(XML_NS, 'xml:lang', table.lang || lang);
  set(root, [['draft', draft + ''], ['created', table.created], ['modified', table.modified]]);
  const tableElem = child(root, 'table', null, 1);
  child(tableElem, 'name', table.name, 2);
  child(tableElem, 'municipality', table.municipality, 2);
  end(tableElem, 1);
  const members = child(root, 'members', null, 1);
  table.members.filter(m => !isBlank(m.name)).forEach(m => {
    const member = child(members, 'member', null, 2, [['sector', SECTORS.includes(m.sector) ? m.sector : 'other']]);
    child(member, 'name', m.name, 3);
    if (!isBlank(m.role)) child(member, 'role', m.role, 3);
    end(member, 2);
  });
  end(members, 1);
  const rows = child(root, 'rows', null, 1);
  /* A row with no text but a conflict or a review note is kept: nothing of an imported file is lost */
  rowsOf(table).filter(r => !rowIsEmpty(r) || r.a || r.n).forEach(r => {
    const row = child(rows, 'row', null, 2, [['title', isBlank(r.c[TITLE]) ? null : r.c[TITLE].trim()]]);
    const columns = shownMatrix.columns.map(c => c.id);
    columns.forEach(k => isBlank(r.c[k]) || child(row, 'cell', r.c[k], 3, [['column', k]]));
    columns.forEach(k => ((r.a || {})[k] || [])
      .forEach(x => child(row, 'alternative', x.text, 3, [['column', k], ['source', x.src || '?']])));
    (r.n || []).forEach(n => child(row, 'review-note', n.text, 3, [['column', n.col], ['kind', n.kind],
      ['author', n.by], ['date', n.date || null], ['status', n.done && 'addressed']]));
    end(row, 2);
  });
  end(rows, 1);
  if (table.from) {
    const from = child(root, 'merged-from', null, 1);
    table.from.forEach(x => child(from, 'source', x, 2));
    end(from, 1);
  }
  const noted = Object.keys(table.notes).filter(q => !isBlank(table.notes[q]));
  if (noted.length) {
    const notes = child(root, 'notes', null, 1);
    noted.forEach(q => child(notes, 'note', table.notes[q], 2, [['question', q]]));
    end(notes, 1);
  }
  end(root, 0);
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(xml) + '\n';
}
const slug = s => (s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-')
  .replace(/^-+|-+$/g, '').slice(0, 60) || 'mesa';
function exportMatrix(force) {
  const table = activeTable(), box = $('export-errors'), problems = [], nameMessage = $('m-table-name');
  const rows = rowsOf(table);
  showRequired = true;
  for (const item of $('rows').children) checkRow(item, rows.find(r => r.id === item.dataset.row));
  nameMessage.textContent = t('noName');
  nameMessage.hidden = !isBlank(table.name);
  if (isBlank(table.name)) problems.push(['table-name', t('noName')]);
  table.members.forEach((m, i) => isBlank(m.name) || m.sector
    || problems.push(['mem-' + i + '-sector', t('noSector', m.name)]));
  rows.forEach((r, i) => shownMatrix.columns.forEach(c => {
    const problem = cellProblem(c, r, r.c[c.id]), id = 'c-' + r.id + '-' + c.id;
    const where = t('rowN', i + 1) + ' · ' + localText(c.label);
    if (problem) problems.push([id, where + ': ' + problem]);
    if ((r.a || {})[c.id]) problems.push(['x-' + id, where + ': ' + t('unresolved')]);
  }));
  if (problems.length && !force) {
    box.textContent = '';
    append(box, [elem('h3', 0, t('problems', problems.length)),
      elem('ul', 0, problems.map(p => elem('li', 0, button('goto', p[1], { 'data-target': p[0] }, 'link')))),
      button('export-force', t('downloadAnyway'), { id: 'export-anyway' })]);
    box.hidden = false;
    box.focus();
    return;
  }
  box.hidden = true;
  const draft = (table.draft || 0) + 1, name = fileBase(table) + '.xml';
  download(name, matrixXML(table, draft), 'application/xml');
  table.draft = draft;
  saveTable(table);
  $('export-status').textContent = t('downloaded', name, draft);
  $('export-copy').hidden = false;
  if (force) $('export').focus();
}
/* <module>-<municipality>-<table>[-<matrix>]-<date>: the same for the file handed in and its copy to read */
function fileBase(table) {
  const d = new Date(), date = d.getFullYear() + '-' + twoDigits(d.getMonth() + 1) + '-' + twoDigits(d.getDate());
  return [module.id, !isBlank(table.municipality) && slug(table.municipality), slug(table.name),
    module.matrices.length > 1 && shownMatrix.id, date].filter(Boolean).join('-');
}
function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = elem('a', { href: url, download: name, hidden: true });
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/* ---- Import. The fragment parser of a detached XML document throws on a malformed file or a DOCTYPE, where
   DOMParser would insert a <parsererror style="…"> that the page's CSP reports as an error ---- */
function showImportStatus(text, failed) {
  const line = $('import-status');
  line.textContent = text;
  line.classList.toggle('err', !!failed);
}
const importFailed = (key, ...args) => showImportStatus(t(key, ...args), true);
/* A file of this module read as the fields of a working table (with mx, its matrix, and unknown, the columns
   the matrix lacks), or undefined once the reason it cannot be is shown */
function readMatrixFile(text, file) {
  const xml = doc.implementation.createDocument(null, 'x', null), range = xml.createRange();
  let fragment;
  range.selectNodeContents(xml.documentElement);
  try {
    fragment = range.createContextualFragment(text.replace(/^\uFEFF?\s*<\?xml[^>]*>/, ''));
  } catch {
    return importFailed('notXml');
  }
  const root = fragment.firstElementChild, attr = n => root.getAttribute(n) || '';
  if (!root || fragment.children.length > 1 || root.namespaceURI !== MATRIX_NS
    || root.localName !== 'completed-matrix') return importFailed('notMatrix');
  if (attr('module') !== module.id) return importFailed('wrongModule', attr('module'), module.id);
  if (attr('module-version') !== module.version) {
    return importFailed('wrongVersion', attr('module-version'), module.version);
  }
  const mx = module.matrices.find(x => x.id === attr('matrix'));
  if (!mx) return importFailed('unknownMatrix', attr('matrix'));
  const kids = (e, n) => e ? [...e.children].filter(c => c.namespaceURI === MATRIX_NS && c.localName === n) : [];
  const textOf = (e, n) => (kids(e, n)[0] || {}).textContent || '', one = n => kids(root, n)[0];
  const unknown = new Set(), notes = {};
  const members = kids(one('members'), 'member').map(m => ({ name: textOf(m, 'name'),
    sector: m.getAttribute('sector') || 'other', role: textOf(m, 'role') }));
  /* cells, their alternative texts and the review notes on them */
  const rows = kids(one('rows'), 'row').map(r => {
    const row = { id: newId(), c: r.hasAttribute('title') ? { [TITLE]: r.getAttribute('title') } : {} };
    [...r.children].forEach(x => {
      const k = x.getAttribute('column'), name = x.localName, text = x.textContent, get = n => x.getAttribute(n) || '';
      if (x.namespaceURI !== MATRIX_NS || !/^(cell|alternative|review-note)$/.test(name)) return;
      if (!mx.columns.some(y => y.id === k)) unknown.add(k);
      else if (name === 'cell') row.c[k] = text;
      else if (name[0] === 'a') addAlternative(row.a = row.a || {}, k, { src: get('source'), text });
      else (row.n = row.n || []).push({ col: k, kind: get('kind') === 'suggestion' ? 'suggestion' : 'comment',
        by: get('author'), date: get('date'), text, done: get('status') === 'addressed' });
    });
    return row;
  });
  kids(one('notes'), 'note').forEach(n => { notes[n.getAttribute('question')] = n.textContent; });
  const now = isoNow(), tableElem = one('table') || null, from = kids(one('merged-from'), 'source');
  return { mx, unknown, name: textOf(tableElem, 'name'), municipality: textOf(tableElem, 'municipality'),
    lang: root.getAttributeNS(XML_NS, 'lang') || lang, created: attr('created') || now,
    modified: attr('modified') || now, draft: parseInt(attr('draft'), 10) || 0, members, rows: { [mx.id]: rows },
    notes, file, from: from.length ? from.map(x => x.textContent) : void 0 };
}
/* The file as a new working table, or (merge) into the active one; then its matrix is shown */
function importMatrix(text, file, merge) {
  const read = readMatrixFile(text, file);
  if (!read) return;
  const { mx, unknown, ...fields } = read, rows = fields.rows[mx.id];
  const table = merge ? activeTable() : newTable(fields), news = merge && mergeMemberFile(table, mx, fields);
  goTo('#/matrix/' + mx.id, false);
  if (location.hash !== currentRoute) location.replace(currentRoute);
  showImportStatus((merge ? t('mergedFile', file, table.name, t(news[0] === 1 ? 'addedOne' : 'addedMany', news[0]),
    t(news[1] === 1 ? 'conflictOne' : 'conflictMany', news[1]))
    : t('loaded', table.name, table.draft, rows.length, table.members.length))
    + (unknown.size ? ' ' + t('unknownCols', [...unknown].join(', ')) : ''));
  $(merge ? 'merge-file' : 'import-file').focus();
}
