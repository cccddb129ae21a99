/* ---- The matrix of a working table: table details, members, rows. A row's short title (optional, the title
   attribute of its row in the file) is kept with its cells under TITLE, which no column id can be, so that it is
   saved, merged and timed as a cell is ---- */
let shownMatrix = null, showRequired = false, undoRow = null;
const TITLE = ':title';
const rowsOf = table => table.rows[shownMatrix.id] || (table.rows[shownMatrix.id] = [{ id: newId(), c: {} }]);
function field(id, label, value, f, attrs) {
  const input = elem('input', Object.assign({ id, type: 'text', 'data-f': f, autocomplete: 'off' }, attrs));
  input.value = value || '';
  return elem('div.field', 0, [elem('label', { for: id }, label), input]);
}
const panel = (id, title, kids) => elem('section.panel', { 'aria-labelledby': id }, [elem('h2', { id }, title), kids]);
function showMatrix(mx) {
  shownMatrix = mx;
  showRequired = false;
  undoRow = null;
  const table = activeTable();
  const tablePanel = panel('tbl-h', t('yourTable'), [
    elem('div.tablebar', 0, [elem('label', { for: 'table-select' }, t('activeTable')),
      elem('select', { id: 'table-select' }), button('tbl-new', t('newTable'), { id: 'table-new' }),
      button('tbl-del', t('delTable'), { id: 'table-delete' }, 'danger')]),
    elem('div.confirm', { id: 'del-confirm', hidden: true }, [elem('p', { id: 'del-q' }),
      button('tbl-yes', t('yesDel'), { id: 'table-delete-confirm' }, 'danger'), ' ',
      button('tbl-no', t('cancel'), { id: 'table-delete-cancel' })]),
    elem('div.fields', 0, [field('table-name', t('tableName'), table.name, 'name',
      { 'aria-required': 'true', 'aria-describedby': 'm-table-name' }),
    field('table-municipality', t('municipality'), table.municipality, 'muni')]),
    elem('p.msg', { id: 'm-table-name', hidden: true }),
    elem('fieldset.members', 0, [elem('legend', 0, t('members')), elem('ol', { id: 'members' }),
      button('mem-add', '+ ' + t('addMember'), { id: 'member-add' })])]);
  /* The columns and their help, in one block that opens: a cell's help is also its description */
  const columnGuide = mx.columns.map(c => elem('li', 0, [
    elem('span.cl', 0, [localizedElem('span', c.label), c.required && elem('span.req', 0, ' *')]),
    c.maxLength && elem('span.meta', 0, ' · ' + t('maxChars', c.maxLength)),
    localize(c.help) && localizedElem('p.help', c.help, { id: 'help-' + c.id })]));
  const rowsPanel = panel('rows-h', t('rows'), [
    elem('details.guide', 0, [elem('summary', 0, t('columns')), elem('p.hint', 0, t('reqHint')),
      elem('ol.cols', 0, columnGuide)]),
    elem('ol.rows', { id: 'rows' }), elem('p.hint', { id: 'no-rows' }, t('noRows')),
    button('row-add', '+ ' + t('addRow'), { id: 'row-add' }),
    elem('p.rowstatus', 0, [elem('span', { id: 'row-status', role: 'status' }), ' ',
      button('row-undo', t('undo'), { id: 'row-undo', hidden: true })])]);
  /* "Load a matrix file" (a new table) and "Import another member's file" (merged into this one): the browser's
     own file field says its words in the browser's language, so a label in the page's stands for it */
  const exchangePanel = panel('io-h', t('saveShare'), [elem('p', { id: 'export-hint' }, t('exportHint')),
    button('export', t('download'), { id: 'export-end', 'aria-describedby': 'export-hint' }, 'primary'),
    ['import', 'merge'].map(x => elem('div.field', 0, [
      elem('input.vh', { id: x + '-file', type: 'file', accept: '.xml,application/xml,text/xml',
        'aria-describedby': x === 'merge' ? 'merge-hint' : null }),
      elem('label.btn', { for: x + '-file' }, t(x)),
      x === 'merge' && elem('p.hint', { id: 'merge-hint' }, t('mergeHint'))])),
    elem('p', { id: 'import-status', role: 'status' })]);
  /* Always on screen: the save state, "Download" and the whole matrix to read (Ctrl+S downloads too, start.js) */
  const bar = elem('div.mbar', { id: 'mbar' }, [$('save-status'),
    button('export', t('download'), { id: 'export', 'aria-keyshortcuts': 'Control+S' }, 'primary'),
    elem('a.btn', { href: '#/view/' + mx.id }, t('viewMatrix'))]);
  renderView([elem('p.crumb', 0, t('workTables')), pageTitle(mx.title), bar,
    elem('div.errors', { id: 'export-errors', tabindex: -1, hidden: true }),
    elem('p', { id: 'export-status', role: 'status' }),
    button('copy', t('downloadCopy'), { id: 'export-copy', hidden: true }),
    module.matrices.length > 1 && elem('ul.inline', 0, module.matrices.filter(x => x !== mx)
      .map(x => elem('li', 0, elem('a', { href: '#/matrix/' + x.id }, localText(x.title))))),
    elem('p.lead', 0, t('matrixIntro')), tablePanel, rowsPanel, exchangePanel]);
  saved.tables.forEach(id => {
    const x = tableCache[id] || readStored(tableKey(id));
    if (x) append($('table-select'), elem('option', { value: id, selected: id === table.id }, x.name || '—'));
  });
  fillMembers(table);
  rowsOf(table).forEach(r => append($('rows'), rowElement(r)));
  numberRows();
  return localText(mx.title);
}
function fillMembers(table) {
  const list = $('members');
  list.textContent = '';
  table.members.forEach((m, i) => {
    const p = 'mem-' + i + '-', sectors = elem('select', { id: p + 'sector', 'data-f': 'msector', 'data-i': i,
      'aria-required': 'true' }, [elem('option', { value: '' }, t('chooseSector')),
      SECTORS.map(s => elem('option', { value: s }, t(s)))]);
    sectors.value = m.sector || '';
    append(list, elem('li.member', 0, [field(p + 'name', t('name'), m.name, 'mname', { 'data-i': i }),
      elem('div.field', 0, [elem('label', { for: p + 'sector' }, t('sector')), sectors]),
      field(p + 'role', t('role'), m.role, 'mrole', { 'data-i': i }),
      button('mem-del', [t('removeMember'), visuallyHidden(' ' + (m.name || t('memberN', i + 1)))], { 'data-i': i },
        'danger')]));
  });
}
function rowElement(r) {
  const cells = shownMatrix.columns.map(c => {
    const id = 'c-' + r.id + '-' + c.id;
    const describedBy = [c.maxLength && 'n-' + id, 'm-' + id, localize(c.help) && 'help-' + c.id].filter(Boolean);
    const area = elem('textarea', { id, rows: 4, 'data-f': 'cell', 'data-col': c.id,
      'aria-required': c.required ? 'true' : null, 'aria-describedby': describedBy.join(' ') });
    area.value = r.c[c.id] || '';
    const cell = elem('div.cell' + ((r.a || {})[c.id] ? '.wide' : ''), 0, [elem('label', { for: id },
      [localizedElem('span', c.label), c.required && elem('span.req', { 'aria-hidden': 'true' }, ' *')]),
    area, c.maxLength && elem('p.cnt', { id: 'n-' + id }), elem('p.msg', { id: 'm-' + id, hidden: true }),
    cellReview(r, c, id)]);
    checkCell(area, r);
    return cell;
  });
  return elem('li.mrow', { 'data-row': r.id }, elem('fieldset', 0, [elem('legend'),
    elem('div.rowbar', 0, [button('row-up', '↑ ' + t('up'), 0, 'row-up'),
      button('row-down', '↓ ' + t('down'), 0, 'row-down'),
      button('row-del', '✕ ' + t('remove'), 0, 'row-remove danger')]),
    field('h-' + r.id, t('rowTitle'), r.c[TITLE], 'head', { maxlength: 80 }),
    elem('div.cells', 0, cells)]));
}
function numberRows() {
  const items = $('rows').children, n = items.length;
  for (let i = 0; i < n; i++) {
    const [up, down, remove] = items[i].querySelector('.rowbar').children;
    items[i].querySelector('legend').textContent = t('rowN', i + 1);
    up.setAttribute('aria-label', t('rowUp', i + 1));
    down.setAttribute('aria-label', t('rowDown', i + 1));
    remove.setAttribute('aria-label', t('rowDel', i + 1));
    up.setAttribute('aria-disabled', i === 0);
    down.setAttribute('aria-disabled', i === n - 1);
  }
  $('no-rows').hidden = n > 0;
}
const rowIsEmpty = (r, mx = shownMatrix) => mx.columns.every(c => isBlank(r.c[c.id]));
function cellProblem(c, r, v) {
  const n = charCount(v || '');
  return c.maxLength && n > c.maxLength ? t('tooLong', n - c.maxLength, c.maxLength)
    : showRequired && c.required && isBlank(v) && !rowIsEmpty(r) ? t('required') : '';
}
/* Updates one cell's counter and message */
function checkCell(area, r) {
  const c = shownMatrix.columns.find(x => x.id === area.dataset.col), cell = area.parentNode;
  const counter = cell.querySelector('.cnt'), message = cell.querySelector('.msg');
  const problem = cellProblem(c, r, area.value);
  if (counter) {
    const n = charCount(area.value);
    counter.textContent = n + ' / ' + c.maxLength;
    counter.classList.toggle('over', n > c.maxLength);
  }
  if (message.textContent !== problem) {
    message.textContent = problem;
    message.hidden = !problem;
  }
  if (problem) area.setAttribute('aria-invalid', 'true'); else area.removeAttribute('aria-invalid');
}
const checkRow = (item, r) => item.querySelectorAll('textarea').forEach(area => checkCell(area, r));

/* Text areas grow with their text: by CSS (field-sizing) where the browser can, else a row at a time */
const fitsByCSS = CSS.supports('field-sizing', 'content');
const fitArea = a => { while (!fitsByCSS && a.scrollHeight > a.clientHeight && a.rows < 99) a.rows++; };
const fitAreas = e => e.querySelectorAll('textarea').forEach(fitArea);
function onInput(e) {
  const started = performance.now(), input = e.target, f = input.dataset.f, v = input.value;
  if (!f) return;
  if (input.rows) fitArea(input);
  const table = activeTable(), now = Math.floor(Date.now() / 1e3), times = table.t = asObject(table.t);
  if (f === 'cell' || f === 'head') {
    const item = input.closest('.mrow'), r = rowsOf(table).find(x => x.id === item.dataset.row), was = rowIsEmpty(r);
    const k = f === 'head' ? TITLE : input.dataset.col;
    r.c[k] = v;
    (r.t = asObject(r.t))[k] = now;
    if (f === 'cell') {
      if (showRequired && was !== rowIsEmpty(r)) checkRow(item, r); else checkCell(input, r);
    }
    saveRow(r);
  } else if (f === 'note') {
    table.notes[input.dataset.q] = v;
    times['q:' + input.dataset.q] = now;
  } else if (f === 'name') {
    table.name = v;
    times.name = now;
    const option = $('table-select').selectedOptions[0];
    if (option) option.textContent = v || '—';
  } else if (f === 'muni') {
    table.municipality = v;
    times.municipality = now;
  } else table.members[input.dataset.i][f.slice(1)] = v;
  table.modified = isoNow();
  saveTable(table);
  tequioPlayer.lastSaveMs = performance.now() - started;
}

function rowAction(action, b) {
  const table = activeTable(), rows = rowsOf(table), list = $('rows'), undo = $('row-undo');
  const tell = s => { $('row-status').textContent = s; };
  if (action === 'row-undo' && !undoRow) return;
  table.modified = isoNow();
  if (action === 'row-add' || action === 'row-undo') {
    const isAdd = action === 'row-add', r = isAdd ? { id: newId(), c: {} } : undoRow.r;
    const k = isAdd ? rows.length : Math.min(undoRow.i, rows.length);
    rows.splice(k, 0, r);
    saveRow(r);
    saveTable(table);
    list.insertBefore(rowElement(r), list.children[k] || null);
    numberRows();
    tell(isAdd ? t('rowAdded', k + 1) : '');
    undo.hidden = true;
    undoRow = null;
    return list.children[k].querySelector('textarea').focus();
  }
  const item = b.closest('.mrow'), i = rows.findIndex(r => r.id === item.dataset.row);
  const disabled = () => b.getAttribute('aria-disabled') === 'true';
  if (disabled()) return;
  if (action === 'row-del') {
    undoRow = { r: rows.splice(i, 1)[0], i };
    if (storage) storage.removeItem(rowKey(undoRow.r.id));
    saveTable(table);
    item.remove();
    numberRows();
    tell(t('rowRemoved', i + 1));
    undo.hidden = false;
    undo.focus();
    return;
  }
  const j = action === 'row-up' ? i - 1 : i + 1;
  rows.splice(j, 0, rows.splice(i, 1)[0]);
  saveTable(table);
  list.insertBefore(item, list.children[action === 'row-up' ? j : j + 1] || null);
  numberRows();
  tell(t('rowMoved', j + 1));
  (disabled() ? item.querySelector(action === 'row-up' ? '.row-down' : '.row-up') : b).focus();
}
