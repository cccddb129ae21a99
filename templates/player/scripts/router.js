/* ---- Header, unit list, progress ---- */
function renderChrome() {
  numberFormat = null;
  doc.documentElement.lang = lang;
  [['skip', t('skip')], ['nav-toggle', t('menu')], ['nav-title', t('units')], ['glossary-link', t('glossary')],
    ['matrix-link', t('matrix')], ['finish', t('finish')]].forEach(([id, text]) => { $(id).textContent = text; });
  /* The header's short title: the module title up to a colon or dash, where it has one (three lines at most) */
  $('brand').textContent = localText(module.metadata.title).split(/: | [—–] /)[0];
  $('unit-nav').setAttribute('aria-label', t('menu'));
  $('glossary-link').hidden = !module.glossary.length;
  $('matrix-link').hidden = !module.matrices.length;
  const switcher = $('lang-switch'), list = $('unit-list');
  switcher.textContent = list.textContent = '';
  switcher.hidden = languages.length < 2;
  switcher.setAttribute('aria-label', t('language'));
  languages.forEach(l => append(switcher, button('lang', displayName(l, 'language', l),
    { lang: l, 'data-lang': l, 'aria-pressed': String(l === lang) })));
  module.units.forEach((u, i) => append(list, elem('li', 0, elem('a', { href: '#/u/' + u.id, 'data-unit': u.id },
    [elem('span.num', 0, i + 1 + '.'), ' ', localizedElem('span', u.title), elem('span.mark')]))));
  $('foot').textContent = ['Tequio', t('version') + ' ' + module.version, module.metadata.license, bundleData.generator]
    .filter(Boolean).join(' · ');
  shownStatus = '';
  showSaveStatus(shownStatusKind);
}
function markNav(unit) {
  let seen = 0;
  for (const a of $('unit-list').querySelectorAll('a')) {
    const id = a.dataset.unit, mark = a.lastChild;
    if (id === unit) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    if (saved.seen[id]) {
      seen++;
      if (!mark.firstChild) {
        append(mark, [elem('span', { 'aria-hidden': 'true' }, ' ✓'), visuallyHidden(' ' + t('seenMark'))]);
      }
    }
  }
  const bar = $('progress');
  bar.max = module.units.length || 1;
  bar.value = seen;
  $('progress-label').textContent = t('seen', seen, module.units.length);
}
function setNavOpen(open) {
  doc.body.classList.toggle('nav-open', open);
  $('nav-toggle').setAttribute('aria-expanded', open);
}

/* ---- Routes: #/ · #/u/<unit> · #/glossary[/<term>] · #/matrix[/<matrix>] · #/view[/<matrix>] ---- */
let currentRoute = null, focusTarget = null;
const renderView = kids => { view.textContent = ''; append(view, kids); };
const pageTitle = o => typeof o === 'string' ? elem('h1', { id: 'page-title', tabindex: '-1' }, o)
  : localizedElem('h1', o, { id: 'page-title', tabindex: '-1' });
function goTo(route, focus) {
  const match = /^#\/(u|glossary|matrix|view)(?:\/(.*))?$/.exec(route) || [], arg = decodeURIComponent(match[2] || '');
  const unitIndex = module.units.findIndex(u => u.id === arg), isUnit = match[1] === 'u' && unitIndex >= 0;
  const was = currentRoute;
  let title = '';
  focusTarget = null;
  setNavOpen(false);
  $('tools').append($('save-status')); /* back from the matrix's bar (matrix-editor.js) before the view goes */
  if (endObserver) endObserver.disconnect();
  unitProgress = null;
  if (isUnit) {
    title = showUnit(unitIndex);
    remember(route, arg);
  } else if (match[1] === 'glossary' && module.glossary.length) title = showGlossary(arg);
  else if (/^(matrix|view)$/.test(match[1]) && module.matrices.length) {
    const mx = module.matrices.find(x => x.id === arg) || module.matrices[0];
    route = '#/' + match[1] + '/' + mx.id;
    title = (match[1] === 'view' ? showMatrixView : showMatrix)(mx);
    remember(route);
  } else {
    route = '#/';
    showHome();
  }
  fitAreas(view);
  currentRoute = tequioPlayer.route = route;
  doc.title = (title ? title + ' · ' : '') + localText(module.metadata.title);
  markNav(isUnit && arg);
  if (focus) {
    (focusTarget || $('page-title')).focus();
    if (!focusTarget) scrollTo(0, 0);
  }
  if (isUnit && was && was !== route) emit('navigate');
}
/* Remembers the screen and the unit last opened; saves only changes */
function remember(route, unit) {
  if (saved.view === route && (!unit || saved.unit === unit)) return;
  saved.view = route;
  if (unit) saved.unit = unit;
  saveIndex();
}
/* A unit counts as seen once its end has been on screen and each of its slide decks shown to its last slide: p is
   {id, decks: decks not yet gone through, end} of the unit on screen (pages.js) */
let unitProgress = null, endObserver = null;
function progressed(p) {
  if (p === unitProgress && p.end && !p.decks && !saved.seen[p.id]) {
    saved.seen[p.id] = 1;
    saveIndex();
    markNav(p.id);
  }
}
