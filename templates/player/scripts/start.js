/* ---- Events and start-up: render only the current screen ---- */
function onClick(e) {
  const b = e.target.closest('[data-act]'), action = b && b.dataset.act;
  if (!action) return;
  const table = /^(mem|tbl)/.test(action) && activeTable(), focus = id => $(id).focus();
  if (action === 'lang') {
    lang = saved.lang = b.dataset.lang;
    saveIndex();
    renderChrome();
    goTo(currentRoute);
    doc.querySelector('#lang-switch [aria-pressed="true"]').focus();
  } else if (action.startsWith('row-')) rowAction(action, b);
  else if (/^(note|alt)-/.test(action)) reviewAction(action, b);
  else if (action === 'print') print();
  else if (action === 'copy') exportCopy();
  else if (action === 'mem-add') {
    table.members.push({ name: '', sector: '', role: '' });
    table.modified = isoNow();
    saveTable(table);
    fillMembers(table);
    focus('mem-' + (table.members.length - 1) + '-name');
  } else if (action === 'mem-del') {
    table.members.splice(b.dataset.i, 1);
    table.modified = isoNow();
    saveTable(table);
    fillMembers(table);
    focus('member-add');
  } else if (action === 'tbl-new') {
    newTable();
    goTo(currentRoute);
    $('table-name').select();
  } else if (action === 'tbl-del') {
    $('del-q').textContent = t('confirmDel', table.name);
    $('del-confirm').hidden = false;
    focus('table-delete-cancel');
  } else if (action === 'tbl-no') {
    $('del-confirm').hidden = true;
    focus('table-delete');
  } else if (action === 'tbl-yes') {
    if (storage) removeStoredTable(table.id);
    delete tableCache[table.id];
    saved.tables = saved.tables.filter(x => x !== table.id);
    saved.cur = saved.tables[0];
    saveIndex();
    goTo(currentRoute);
    focus('table-select');
  } else if (action.startsWith('export')) exportMatrix(action === 'export-force');
  else if (action === 'goto') focus(b.dataset.target);
  else if (action === 'finish') {
    const ended = callHost('terminate', summary()) === true;
    showMessage('info', t(ended ? 'finished' : 'notFinished'));
  }
}

function onChange(e) {
  const input = e.target;
  if (input.tagName === 'SELECT' && input.dataset.f) onInput(e);
  else if (input.id === 'table-select') {
    saved.cur = input.value;
    saveIndex();
    goTo(currentRoute);
    $('table-select').focus();
  } else if (/^(import|merge)-file$/.test(input.id) && input.files[0]) {
    const reader = new FileReader(), file = input.files[0].name;
    reader.onload = () => importMatrix(String(reader.result), file, input.id === 'merge-file');
    reader.onerror = () => importFailed('readErr');
    reader.readAsText(input.files[0], 'UTF-8');
    input.value = '';
  }
}

/* Ctrl+S (⌘S) on the matrix downloads it, from wherever the focus is */
doc.addEventListener('keydown', e => {
  if ((e.ctrlKey || e.metaKey) && /^s$/i.test(e.key) && $('export')) {
    e.preventDefault();
    exportMatrix();
  }
});
view.addEventListener('input', onInput);
view.addEventListener('change', onChange);
doc.addEventListener('click', onClick);
$('nav-toggle').onclick = () => setNavOpen(!doc.body.classList.contains('nav-open'));
$('skip').onclick = e => { e.preventDefault(); ($('page-title') || $('main')).focus(); };
shownStatusKind = storage ? null : 'noStore';
const hostState = callHost('loadState');
if (asObject(hostState).savedAt && (hostState.module || module.id) === module.id
  && (hostState.version || module.version) === module.version) {
  mergeHostState(hostState);
  if (languages.includes(saved.lang)) lang = saved.lang;
}
$('finish').hidden = !HOST || HOST.connected === false;
if (HOST) addEventListener('pagehide', () => callHost('terminate', summary()));
doc.addEventListener('tequio:message', e => showMessage(asObject(e.detail).level, asObject(e.detail).text));
renderChrome();
goTo(/^#\//.test(location.hash) ? location.hash : saved.view || '#/');
if (location.hash !== currentRoute) location.replace(currentRoute);
addEventListener('hashchange', () => { if (location.hash !== currentRoute) goTo(location.hash, true); });
/* The module open in another tab: reload what it saved, so this one never writes stale data */
let syncTimer = 0;
addEventListener('storage', e => {
  if (e.key && !e.key.startsWith(STORE_KEY)) return;
  clearTimeout(syncTimer);
  syncTimer = setTimeout(() => {
    const focused = doc.activeElement && doc.activeElement.id, was = lang;
    Object.assign(saved, readStored(STORE_KEY));
    for (const k in tableCache) delete tableCache[k];
    if (languages.includes(saved.lang) && saved.lang !== was) {
      lang = saved.lang;
      renderChrome();
    }
    goTo(currentRoute);
    if (focused && $(focused)) $(focused).focus();
  }, 150);
});
performance.mark('tequio-first-render');
emit('ready');
