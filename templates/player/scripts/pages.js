/* ---- The screens of the module: home, a unit with its blocks, the glossary ---- */
const unitMeta = u => [u.day && t('day', u.day), u.minutes && t('min', u.minutes)].filter(Boolean).join(' · ');

function showHome() {
  const md = module.metadata, first = module.units[0], resume = saved.view && saved.view !== '#/';
  const summaryText = localize(md.summary);
  const authors = (md.authors || []).map(a => a.name + (a.affiliation ? ' (' + a.affiliation + ')' : '')).join('; ');
  const days = md.durationDays, hours = md.durationHours;
  const duration = [days && t(days === 1 ? 'dayOne' : 'days', days),
    hours && t(hours === 1 ? 'hourOne' : 'hours', formatNumber(hours))].filter(Boolean).join(', ');
  const about = [[t('authors'), authors], [t('duration'), duration],
    [t('modes'), (md.deliveryModes || []).map(x => t(x)).join(', ')], [t('license'), md.license],
    [t('version'), module.version]];
  /* The title, then at once what to do: start, or go on */
  renderView([pageTitle(md.title),
    (first || resume) && elem('p', 0, elem('a.btn.primary', { href: resume ? saved.view : '#/u/' + first.id },
      t(resume ? 'resume' : 'start'))),
    md.program && localizedElem('p.crumb', md.program), md.subtitle && localizedElem('p.lead', md.subtitle),
    summaryText && elem('div.rich', { lang: summaryText[1] !== lang ? summaryText[1] : null },
      summaryText[0].split(/\n\s*\n/).map(p => elem('p', 0, p))),
    elem('h2', 0, t('units')),
    elem('ol.toc', 0, module.units.map(u => elem('li', 0,
      [elem('a', { href: '#/u/' + u.id }, localizedElem('span', u.title)), ' ', elem('span.meta', 0, unitMeta(u))]))),
    elem('h2', 0, t('howSave')), elem('p', 0, t('howSaveText')), elem('h2', 0, t('about')),
    elem('dl.about', 0, about.filter(x => x[1]).map(x => [elem('dt', 0, x[0]), elem('dd', 0, String(x[1]))]))]);
}

function showUnit(i) {
  const u = module.units[i], previous = module.units[i - 1], next = module.units[i + 1];
  const blockKinds = { presentation: presentationBlock, caseStudy: caseStudyBlock, finding: findingBlock,
    activity: activityBlock };
  const link = (v, rel, dir) => v && elem('a', { href: '#/u/' + v.id, rel }, [elem('span.dir', 0, dir),
    localizedElem('span', v.title)]);
  const p = unitProgress = { id: u.id, decks: 0 };
  renderView([elem('p.crumb', 0, [t('unitOf', i + 1, module.units.length), unitMeta(u)].filter(Boolean).join(' · ')),
    pageTitle(u.title), u.summary && localizedElem('p.lead', u.summary),
    (u.blocks || []).map(b => blockKinds[b.kind] && b[b.kind] && blockKinds[b.kind](b[b.kind])),
    elem('nav.pager', { 'aria-label': t('pager') }, [link(previous, 'prev', '← ' + t('prev')),
      link(next, 'next', t('next') + ' →')])]);
  /* the pager ends the unit: on screen, the unit has been gone through (with its slides, see progressed) */
  endObserver = new IntersectionObserver(e => e[0].isIntersecting && progressed(Object.assign(p, { end: 1 })));
  endObserver.observe(view.querySelector('.pager'));
  return localText(u.title);
}
const blockSection = (cls, label, b) => elem('section.blk.' + cls, { 'aria-labelledby': 'b-' + b.id },
  [elem('p.kind', 0, label), localizedElem('h2', b.title, { id: 'b-' + b.id })]);

function presentationBlock(p) {
  const section = blockSection('pres', t('presentation'), p), slides = p.slides || [];
  if ((p.experts || []).length) append(section, elem('div.experts', 0, p.experts.map(x => elem('div.expert', 0, [
    x.photo && elem('img', { src: mediaUrl(x.photo), alt: '', width: 96, height: 96 }),
    elem('div', 0, [elem('h3', 0, x.name),
      elem('p.meta', 0, [x.role, x.affiliation, x.country && displayName(x.country, 'region', lang)]
        .filter(o => typeof o === 'string' ? o : localize(o))
        .map((o, i) => [i && ' · ', typeof o === 'string' ? o : localizedElem('span', o)])),
      localize(x.bio) && richText(x.bio)])]))));
  if (p.media) append(section, mediaBlock(p.media));
  if (slides.length) {
    const progress = unitProgress; /* this deck counts until its last slide has been shown */
    let shown = 0, last = slides.length < 2;
    if (!last) progress.decks++;
    const items = slides.map((x, i) => elem('article.slide', { hidden: i > 0, 'aria-labelledby': 's-' + x.id },
      [localizedElem('h3', x.title, { id: 's-' + x.id }), richText(x.content),
        localize(x.notes) && elem('details.notes', 0, [elem('summary', 0, t('notes')), richText(x.notes)])]));
    const count = elem('p.count', { 'aria-live': 'polite' });
    const prev = button('', '← ' + t('prevSlide')), next = button('', t('nextSlide') + ' →');
    const show = step => {
      shown = Math.max(0, Math.min(slides.length - 1, shown + step));
      items.forEach((e, i) => { e.hidden = i !== shown; });
      prev.setAttribute('aria-disabled', shown === 0);
      next.setAttribute('aria-disabled', shown === slides.length - 1);
      count.textContent = t('slideOf', shown + 1, slides.length);
      if (!last && shown === slides.length - 1) {
        last = true;
        progress.decks--;
        progressed(progress);
      }
    };
    prev.onclick = () => show(-1);
    next.onclick = () => show(1);
    show(0);
    append(section, elem('div.slides', { role: 'group', 'aria-label': t('slides') },
      [items, slides.length > 1 && elem('div.slidebar', 0, [prev, count, next])]));
  }
  return section;
}

/* Captions: file:// forbids <track src>, so the WebVTT text in TEQUIO_DATA.captions becomes cues here */
function parseVTT(text, track) {
  const seconds = x => x.split(':').reduce((a, p) => a * 60 + parseFloat(p), 0);
  text.replace(/\r\n?/g, '\n').split(/\n{2,}/).forEach(block => {
    const lines = block.split('\n'), i = lines.findIndex(x => x.includes('-->'));
    const m = i >= 0 && /([\d:.]+)\s+-->\s+([\d:.]+)/.exec(lines[i]);
    try {
      if (m) track.addCue(new VTTCue(seconds(m[1]), seconds(m[2]), lines.slice(i + 1).join('\n').trim()));
    } catch { /* a bad cue: keep the others */ }
  });
}
function mediaBlock(md) {
  const src = mediaUrl(md.src), title = localText(md.title), figure = elem('figure.media'), audio = md.kind === 'audio';
  if (md.kind === 'pdf') {
    append(figure, elem('p', 0, elem('a.btn', { href: src }, t('openPdf') + (title ? ': ' + title : ''))));
  } else {
    const player = elem(audio ? 'audio' : 'video',
      { controls: true, preload: 'metadata', src, 'aria-label': title || null });
    const captions = md.captions || {}, line = elem('p.cue', { hidden: true });
    let missing = false;
    Object.keys(captions).forEach(l => {
      const vtt = (bundleData.captions || {})[captions[l]], name = displayName(l, 'language', lang);
      if (vtt != null) {
        const track = player.addTextTrack('captions', name, l);
        parseVTT(vtt, track);
        track.mode = l !== lang ? 'disabled' : audio ? 'hidden' : 'showing';
        if (audio && l === lang) track.oncuechange = () => {
          const cue = track.activeCues[0];
          line.textContent = cue ? cue.text.replace(/<[^>]*>/g, '') : '';
          line.hidden = !cue;
        };
      } else missing = true;
    });
    append(figure, [player, line, title && elem('figcaption', 0, title),
      missing && localize(md.transcript) && elem('p.hint', 0, t('noCaptions'))]);
  }
  if (localize(md.transcript)) {
    append(figure, elem('details.transcript', 0, [elem('summary', 0, t('transcript')), richText(md.transcript)]));
  }
  return figure;
}

function caseStudyBlock(c) {
  const section = blockSection('case', t('caseStudy'), c), questions = c.questions || [], sources = c.sources || [];
  append(section, [c.place && localizedElem('p.meta', c.place), elem('h3', 0, t('context')), richText(c.context),
    elem('h3', 0, t('narrative')), richText(c.narrative),
    (c.keyFacts || []).length && elem('div.facts', 0, [elem('h3', 0, t('keyFacts')),
      elem('ul', 0, c.keyFacts.map(f => localizedElem('li', f)))])]);
  if (questions.length) {
    const table = activeTable();
    append(section, [elem('h3', 0, t('questions')), elem('p.hint', 0, [t('notesFor') + ' ',
      elem('strong', 0, table.name), '. ', elem('a', { href: '#/matrix' }, t('changeTable'))]),
    elem('ol.questions', 0, questions.map(q => {
      const area = elem('textarea', { id: 'note-' + q.id, rows: 4, 'data-f': 'note', 'data-q': q.id });
      area.value = table.notes[q.id] || '';
      return elem('li', 0, [localizedElem('label', q.text, { for: 'note-' + q.id }), area]);
    }))]);
  }
  if (sources.length) {
    const source = x => isWebLink(x.href) ? localizedElem('a', x.text, { href: x.href, rel: 'noopener' })
      : localizedElem('span', x.text);
    append(section, [elem('h3', 0, t('sources')), elem('ul', 0, sources.map(x => elem('li', 0, source(x))))]);
  }
  return section;
}

function findingBlock(f) {
  const section = blockSection('find', t('finding') + ' · ' + t(f.kind), f), ds = f.dataset;
  append(section, richText(f.summary));
  (f.charts || []).forEach((c, i) => append(section, chartFigure(c, ds, 'ch-' + f.id + '-' + i)));
  if (ds && (ds.rows || []).length) {
    const caption = 'dt-' + f.id, numeric = ds.columns.map(c => c.type === 'number' ? 'n' : null);
    const value = (v, i) => numeric[i] && v !== '' && !isNaN(v) ? formatNumber(+v) : datasetCell(ds, i, v);
    const cell = (v, i) => elem(i ? 'td' : 'th', i ? { class: numeric[i] } : { scope: 'row' }, value(v, i));
    const head = (c, i) => localizedElem('th', c.label, { scope: 'col', class: numeric[i] });
    const dataTable = elem('table.data', 0, [elem('caption', { id: caption }, t('dataFor') + ' ' + localText(f.title)),
      elem('thead', 0, elem('tr', 0, ds.columns.map(head))),
      elem('tbody', 0, ds.rows.map(r => elem('tr', 0, r.map(cell))))]);
    append(section, [elem('div.scroll', { role: 'region', tabindex: 0, 'aria-labelledby': caption }, dataTable),
      mediaUrl(ds.src) && elem('p', 0, elem('a.btn', { href: mediaUrl(ds.src) }, t('csv')))]);
  }
  (f.quotes || []).forEach(q => append(section, elem('figure.quote', 0,
    [elem('blockquote', 0, localizedElem('p', q.text)), q.attribution && localizedElem('figcaption', q.attribution)])));
  if (f.source) append(section, elem('p.meta', 0, [t('source') + ': ', localizedElem('span', f.source)]));
  return section;
}

function activityBlock(a) {
  const section = blockSection('act', [t('activity'), t(a.kind), a.minutes && t('min', a.minutes)].filter(Boolean)
    .join(' · '), a);
  const mx = module.matrices.find(x => x.id === a.matrix);
  return append(section, [richText(a.instructions), mx && elem('p', 0,
    elem('a.btn.primary', { href: '#/matrix/' + mx.id }, t('openMatrix') + ': ' + localText(mx.title)))]);
}

function showGlossary(term) {
  const terms = module.glossary.slice().sort((a, b) => localText(a.label).localeCompare(localText(b.label), lang));
  renderView([pageTitle(t('glossary')),
    saved.view && elem('p', 0, elem('a.btn', { href: saved.view }, '← ' + t('back'))),
    elem('dl.glossary', 0, terms.map(g => [
      localizedElem('dt', g.label, { id: 'term-' + g.id, tabindex: -1, class: g.id === term ? 'hl' : null }),
      elem('dd', 0, richText(g.definition))]))]);
  focusTarget = term && $('term-' + term);
  return t('glossary');
}
