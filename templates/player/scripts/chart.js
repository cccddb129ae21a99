/* ---- Charts: SVG with role="img", <title> and <desc>, drawn as wide as the column is (280 to 720 px) so that its
   text keeps its size; the legend is a list that wraps as text does; the data table follows ---- */
const COLORS = ['#1f5fa8', '#c2410c', '#2e7d32', '#7b3fa0', '#a61e4d', '#00707a', '#6b5a00', '#4a4a4a'];
const DASHES = ['', '8 4', '2 4', '12 4 2 4'];
function svgElem(tag, attrs, parent, text) {
  const e = doc.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const k in attrs) {
    if (attrs[k] != null) e.setAttribute(k, typeof attrs[k] === 'number' ? +attrs[k].toFixed(1) : attrs[k]);
  }
  if (text != null) e.textContent = text;
  if (parent) parent.appendChild(e);
  return e;
}
/* s cut at spaces into lines of at most n characters (a longer word keeps a line of its own) */
function wrapText(s, n) {
  const lines = [];
  String(s).split(' ').forEach(w => {
    const i = lines.length - 1;
    if (i >= 0 && (lines[i] + ' ' + w).length <= n) lines[i] += ' ' + w; else lines.push(w);
  });
  return lines;
}
/* A text cell in the reader's language: its value's label when the column gives one, else as the CSV writes it. */
function datasetCell(ds, i, v) {
  const value = ((ds.columns[i] || {}).values || []).find(x => x.text === v);
  return value ? localText(value.label) : v;
}

function chartFigure(c, ds, id) {
  const column = k => ds.columns.findIndex(x => x.id === k), categoryColumn = ds ? column(c.category) : -1;
  const valueColumns = categoryColumn < 0 ? [] : (c.values || []).map(column).filter(i => i >= 0);
  if (!valueColumns.length || !(ds.rows || []).length) return null;
  const W = Math.max(280, Math.min(720, view.clientWidth)), g = svgElem('g');
  const categories = ds.rows.map(r => datasetCell(ds, categoryColumn, r[categoryColumn]));
  const sum = a => a.reduce((x, y) => x + y, 0), color = i => COLORS[i % 8];
  const series = (c.type === 'pie' ? valueColumns.slice(0, 1) : valueColumns).map(i => ({
    name: localText(ds.columns[i].label), v: ds.rows.map(r => Math.max(0, parseFloat(r[i]) || 0)) }));
  const text = (x, y, s, a) => svgElem('text', Object.assign({ x, y }, a), g, s);
  let y = 0, H, keys = series.length > 1 ? series.map(s => s.name) : [];
  if (c.type === 'bar' || c.type === 'stacked-bar') {
    const stacked = c.type === 'stacked-bar', barHeight = stacked ? 22 : 16;
    const total = stacked ? sum : a => Math.max(...a);
    const max = Math.max(1e-9, ...categories.map((_, k) => total(series.map(s => s.v[k])))), scale = (W - 64) / max;
    categories.forEach((category, k) => {
      wrapText(category, W / 8.5).forEach(line => {
        text(2, y + 14, line); /* 2: a first letter such as J reaches left of its x */
        y += 19;
      });
      let x = 0;
      series.forEach((s, i) => {
        svgElem('rect', { x, y, width: Math.max(s.v[k] * scale, 0.5), height: barHeight, fill: color(i),
          stroke: stacked ? '#fff' : null }, g);
        if (stacked) x += s.v[k] * scale;
        else {
          text(s.v[k] * scale + 6, y + 13, formatNumber(s.v[k]));
          y += barHeight + 3;
        }
      });
      if (stacked) {
        text(x + 6, y + 16, formatNumber(sum(series.map(s => s.v[k]))));
        y += barHeight + 3;
      }
      y += 10;
    });
    H = y;
  } else if (c.type === 'line') {
    const max = Math.max(1e-9, ...series.map(s => Math.max(...s.v))), p10 = 10 ** Math.floor(Math.log10(max / 5));
    const step = [1, 2, 5, 10].map(m => m * p10).find(v => v * 5 >= max), top = Math.ceil(max / step) * step;
    const x0 = 52, x1 = W - 12, y0 = y + 8, y1 = y + 220, n = categories.length, every = Math.ceil(n * 60 / (x1 - x0));
    const X = k => n > 1 ? x0 + (x1 - x0) * k / (n - 1) : (x0 + x1) / 2, Y = v => y1 - (y1 - y0) * v / top;
    for (let v = 0; v <= top + step / 2; v += step) {
      svgElem('line', { x1: x0, x2: x1, y1: Y(v), y2: Y(v), stroke: v ? '#d0d4d9' : '#555' }, g);
      text(x0 - 6, Y(v) + 5, formatNumber(v), { 'text-anchor': 'end' });
    }
    const anchor = k => n < 2 ? 'middle' : k ? (k === n - 1 ? 'end' : 'middle') : 'start';
    categories.forEach((category, k) => k % every || text(X(k), y1 + 22, category, { 'text-anchor': anchor(k) }));
    series.forEach((s, i) => {
      svgElem('polyline', { points: s.v.map((v, k) => X(k).toFixed(1) + ',' + Y(v).toFixed(1)).join(' '), fill: 'none',
        stroke: color(i), 'stroke-width': 3, 'stroke-dasharray': DASHES[i % 4] || null }, g);
      s.v.forEach((v, k) => svgElem('circle', { cx: X(k), cy: Y(v), r: 4.5, fill: color(i) }, g));
    });
    H = y1 + 32;
  } else if (c.type === 'pie') {
    const v = series[0].v, total = sum(v) || 1, r = 100, cx = W / 2;
    const P = a => (cx + r * Math.cos(a)).toFixed(2) + ' ' + (105 + r * Math.sin(a)).toFixed(2);
    let a0 = -Math.PI / 2;
    v.forEach((value, k) => {
      const a1 = a0 + value / total * 2 * Math.PI;
      if (value >= total) svgElem('circle', { cx, cy: 105, r, fill: color(k) }, g);
      else if (value > 0) {
        const arc = 'A' + r + ' ' + r + ' 0 ' + (a1 - a0 > Math.PI ? 1 : 0) + ' 1 ';
        const d = 'M' + cx + ' 105L' + P(a0) + arc + P(a1) + 'Z';
        svgElem('path', { d, fill: color(k), stroke: '#fff', 'stroke-width': 2 }, g);
      }
      a0 = a1;
    });
    keys = categories.map((x, k) => x + ': ' + formatNumber(Math.round(v[k] / total * 1000) / 10) + ' %');
    H = 212;
  } else return null;
  const title = localText(c.title), desc = localText(c.description) || t('chartTable');
  H = Math.ceil(H);
  const svg = svgElem('svg', { role: 'img', viewBox: '0 0 ' + W + ' ' + H, width: W, height: H,
    'aria-labelledby': id + '-t', 'aria-describedby': id + '-d', 'font-size': 15, fill: '#1b1b1b' });
  svgElem('title', { id: id + '-t' }, svg, title);
  svgElem('desc', { id: id + '-d' }, svg, desc);
  svg.appendChild(g);
  /* each key's colour (and dashes, for lines) as a short stroke */
  const swatch = i => {
    const e = svgElem('svg', { width: 28, height: 14, 'aria-hidden': 'true' });
    svgElem('line', { x2: 28, y1: 7, y2: 7, stroke: color(i), 'stroke-width': c.type === 'line' ? 3 : 14,
      'stroke-dasharray': c.type === 'line' && DASHES[i % 4] || null }, e);
    return e;
  };
  return elem('figure.chart', 0, [elem('figcaption', 0, title),
    keys.length > 0 && elem('ul.keys', 0, keys.map((k, i) => elem('li', 0, [swatch(i), k]))), svg,
    elem('p.meta', { 'aria-hidden': 'true' }, desc)]);
}
