/* ---- The matrix as the working table will present it: read only, its columns side by side (one under another on
   a narrow screen), printable, and as a page of its own that the table downloads beside the file it hands in ---- */
/* The table's name, municipality and members, then its rows with text, each row's title over its first column */
function matrixContent(table, mx) {
  const rows = rowsOf(table).filter(r => !rowIsEmpty(r, mx));
  const members = table.members.filter(m => !isBlank(m.name))
    .map(m => m.name + (m.sector ? ' (' + t(m.sector) + ')' : '')).join('; ');
  const cell = (r, i) => (c, k) => elem(k ? 'td' : 'th', { scope: k ? null : 'row', 'data-label': localText(c.label) },
    [!k && elem('strong', 0, t('rowN', i + 1) + (isBlank(r.c[TITLE]) ? '' : ': ' + r.c[TITLE])), !k && elem('br'),
      r.c[c.id] || '']);
  return [elem('p', 0, elem('strong', 0, [table.name, table.municipality].filter(x => !isBlank(x)).join(' · '))),
    members && elem('p', 0, t('members') + ': ' + members),
    rows.length ? elem('table.mview', 0, [
      elem('thead', 0, elem('tr', 0, mx.columns.map(c => localizedElem('th', c.label, { scope: 'col' })))),
      elem('tbody', 0, rows.map((r, i) => elem('tr', 0, mx.columns.map(cell(r, i)))))])
      : elem('p.hint', 0, t('noRowsYet'))];
}
function showMatrixView(mx) {
  shownMatrix = mx;
  renderView([elem('p.crumb', 0, t('viewCrumb')), pageTitle(mx.title),
    elem('div.tablebar', 0, [elem('a.btn', { href: '#/matrix/' + mx.id }, '← ' + t('backToEdit')),
      button('print', t('print')), button('copy', t('downloadCopy'))]),
    matrixContent(activeTable(), mx)]);
  return localText(mx.title);
}
/* The same as a page that opens in any browser. Its head is written as text: a <style> element built in this page
   would meet the page's CSP; the serializer escapes the module's and the table's texts. */
const COPY_STYLE = 'body{font:1rem/1.45 system-ui,sans-serif;margin:1rem;color:#111}table{border-collapse:collapse;'
  + 'width:100%}th,td{border:1px solid #777;padding:.4rem;vertical-align:top;text-align:left;white-space:pre-wrap}'
  + 'thead th{background:#e6edf5}tbody th{font-weight:400}@media(max-width:40em){thead{display:none}'
  + 'tr,th,td{display:block}tr{margin:1rem 0}tbody th::before,td::before{content:attr(data-label);display:block;'
  + 'font-weight:700}}@page{size:landscape}';
function exportCopy() {
  const table = activeTable(), title = localText(shownMatrix.title);
  const xml = e => new XMLSerializer().serializeToString(e);
  download(fileBase(table) + '.html', '<!DOCTYPE html>\n<html lang="' + lang + '"><head><meta charset="utf-8">'
    + '<meta name="viewport" content="width=device-width, initial-scale=1">' + xml(elem('title', 0, title))
    + '<style>' + COPY_STYLE + '</style></head>\n'
    + xml(elem('body', 0, [elem('h1', 0, title), matrixContent(table, shownMatrix)])) + '\n</html>\n',
  'text/html;charset=utf-8');
}
