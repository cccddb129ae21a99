/* ---- DOM: elem('p.cls', {attr: value}, kids): kids are nodes, texts or arrays; falsy ones are skipped ---- */
function elem(selector, attrs, kids) {
  const parts = selector.split('.'), e = doc.createElement(parts.shift());
  if (parts[0]) e.className = parts.join(' ');
  for (const n in attrs) {
    if (attrs[n] != null && attrs[n] !== false) e.setAttribute(n, attrs[n] === true ? '' : attrs[n]);
  }
  return append(e, kids);
}
function append(e, kids) {
  if (kids) Array.isArray(kids) ? kids.forEach(x => append(e, x))
    : e.appendChild(kids.nodeType ? kids : doc.createTextNode(kids));
  return e;
}
/* An element with a localized text, marked with its language when not the page's */
function localizedElem(selector, values, attrs) {
  const found = localize(values), e = elem(selector, attrs, found && found[0]);
  if (found && found[1] !== lang) e.lang = found[1];
  return e;
}
const visuallyHidden = s => elem('span.vh', 0, s);
const button = (action, kids, attrs, cls) =>
  elem('button' + (cls ? '.' + cls : ''), Object.assign({ type: 'button', 'data-act': action }, attrs), kids);
const isWebLink = url => /^(https?:|mailto:)/i.test(url || '');
/* A media path of the module as a link into content/; null for anything that could leave it */
const mediaUrl = s => !s || /^[a-z][a-z0-9+.-]*:|^\/|\\|(^|\/)\.\.?(\/|$)/i.test(s) ? null
  : 'content/' + s.split('/').map(encodeURIComponent).join('/');

/* ---- Rich text ---- */
function richText(values) {
  const found = localize(values), e = elem('div.rich');
  if (found) {
    if (found[1] !== lang) e.lang = found[1];
    appendBlocks(e, found[0]);
  }
  return e;
}
function appendBlocks(e, blocks) { (blocks || []).forEach(b => append(e, blockElem(b))); return e; }
function blockElem(b) {
  if (b.t === 'p') return appendInline(elem('p'), b.c);
  if (b.t === 'ul' || b.t === 'ol') return elem(b.t, 0, (b.items || []).map(i => appendBlocks(elem('li'), i)));
  if (b.t === 'quote') {
    const quote = appendBlocks(elem('blockquote'), b.c);
    return b.cite ? elem('figure.quote', 0, [quote, elem('figcaption', 0, '— ' + b.cite)]) : quote;
  }
  if (b.t === 'img') {
    return elem('figure.img', 0, [elem('img', { src: mediaUrl(b.src), alt: b.alt || '' }),
      b.caption && elem('figcaption', 0, b.caption)]);
  }
}
function appendInline(e, content) {
  (content || []).forEach(x => {
    if (typeof x === 'string') return append(e, x);
    const n = /^(em|strong|br)$/.test(x.t) ? elem(x.t)
      : x.t === 'a' ? (isWebLink(x.href) ? elem('a', { href: x.href, rel: 'noopener' }) : elem('span'))
        : x.t === 'term' ? elem('a.term', { href: '#/glossary/' + encodeURIComponent(x.ref) }) : null;
    if (n) e.appendChild(appendInline(n, x.c));
  });
  return e;
}
