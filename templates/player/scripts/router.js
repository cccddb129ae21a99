/* ---- Header, unit list, progress ---- */
function renderChrome() {
  numberFormat = null;
  doc.documentElement.lang = lang;
  [['skip', t('skip')], ['nav-toggle', t('units')], ['nav-title', t('units')], ['glossary-link', t('glossary')],
    ['matrix-link', t('matrix')], ['finish', t('finish')]].forEach(([id, text]) => { $(id).textContent = text; });
  $('home-link').textContent = localText(module.metadata.title);
  $('unit-nav').setAttribute('aria-label', t('units'));
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

/* ---- Routes: #/ · #/u/<unit> · #/glossary[/<term>] · #/matrix[/<matrix>] ---- */
let currentRoute = null, focusTarget = null;
const renderView = kids => { view.textContent = ''; append(view, kids); };
const pageTitle = o => typeof o === 'string' ? elem('h1', { id: 'page-title', tabindex: '-1' }, o)
  : localizedElem('h1', o, { id: 'page-title', tabindex: '-1' });
function goTo(route, focus) {
  const match = /^#\/(u|glossary|matrix)(?:\/(.*))?$/.exec(route) || [], arg = decodeURIComponent(match[2] || '');
  const unitIndex = module.units.findIndex(u => u.id === arg), isUnit = match[1] === 'u' && unitIndex >= 0;
  const was = currentRoute;
  let title = '';
  focusTarget = null;
  setNavOpen(false);
  if (isUnit) {
    title = showUnit(unitIndex);
    remember(route, arg);
  } else if (match[1] === 'glossary' && module.glossary.length) title = showGlossary(arg);
  else if (match[1] === 'matrix' && module.matrices.length) {
    const mx = module.matrices.find(x => x.id === arg) || module.matrices[0];
    route = '#/matrix/' + mx.id;
    title = showMatrix(mx);
    remember(route);
  } else {
    route = '#/';
    showHome();
  }
  currentRoute = tequioPlayer.route = route;
  doc.title = (title ? title + ' · ' : '') + localText(module.metadata.title);
  markNav(isUnit && arg);
  if (focus) {
    (focusTarget || $('page-title')).focus();
    if (!focusTarget) scrollTo(0, 0);
  }
  if (isUnit && was && was !== route) emit('navigate');
}
/* Remembers the screen and the units seen; saves only changes */
function remember(route, unit) {
  if (saved.view === route && (!unit || saved.seen[unit])) return;
  saved.view = route;
  if (unit) saved.seen[saved.unit = unit] = 1;
  saveIndex();
}
